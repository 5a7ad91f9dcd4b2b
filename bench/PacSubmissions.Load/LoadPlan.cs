namespace PacSubmissions.Load;

/// <summary>
/// How much load to make: <see cref="Centres"/> centres each uploading <see cref="ReportsPerCentre"/> reports, from
/// <see cref="Clients"/> clients at once, stopping when <see cref="TimeLimit"/> has passed whatever is left.
/// </summary>
public sealed record LoadPlan(int Centres, int ReportsPerCentre, int Clients, TimeSpan TimeLimit)
{
    /// <summary>How long one upload keeps being retried when it gets no answer, a 5xx or a 429, as a patient coordinator would.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(60);

    public int Uploads => Centres * ReportsPerCentre;
}

/// <summary>One centre's upload link.</summary>
public sealed record CentreLink(string CentreId, Uri UploadUrl);

/// <summary>
/// What one upload of the run came to. <see cref="StartedAt"/> and <see cref="Elapsed"/> are those of the last try;
/// <see cref="StatusCode"/> is 0 when no try got an answer.
/// </summary>
public sealed record UploadAttempt(
    string CentreId,
    int Sequence,
    DateTimeOffset StartedAt,
    TimeSpan Elapsed,
    int StatusCode,
    string? SubmissionId,
    int Tries,
    string? Error)
{
    public bool Accepted => StatusCode == 202 && SubmissionId is not null;

    public override string ToString() => $"{CentreId} #{Sequence}" + (SubmissionId is null ? "" : $" ({SubmissionId})");
}
