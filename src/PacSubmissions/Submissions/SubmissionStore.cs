using Azure;
using Azure.Data.Tables;
using PacSubmissions.Storage;

namespace PacSubmissions.Submissions;

/// <summary>
/// Submission rows: one partition per campaign year, row key <c>centre_submissionId</c>, so a campaign is one
/// partition scan and a centre's versions are a key range, oldest first. HQ's choice of a centre's counting version
/// is a row of the same partition, keyed <c>~chosen_centre</c> (outside every centre's range).
/// </summary>
public sealed class SubmissionStore(PacStorage storage)
{
    private TableClient Table => storage.Table(PacStorage.SubmissionsTable);

    /// <summary>Writes the row for this submission; recording the same submission again replaces it, never adds a second.</summary>
    public Task SaveAsync(Submission submission, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(SubmissionRow.From(submission), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Marks this submission as one that could not be processed, adding its row if there is none. A row that a
    /// successful run wrote after <paramref name="poisonedAt"/> (a re-check, or a retry that got through) is left as it
    /// is: it describes the file better than the failure does. False when the row was left.
    /// </summary>
    public async Task<bool> RecordFailureAsync(Submission submission, DateTimeOffset poisonedAt, CancellationToken cancellationToken)
    {
        var failure = submission.Failure ?? throw new ArgumentException("The submission carries no failure to record.", nameof(submission));
        for (var attempt = 0; attempt < 4; attempt++)
        {
            try
            {
                await Table.AddEntityAsync(SubmissionRow.From(submission), cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // There is a row already: decide from what it says.
            }

            var existing = await Table.GetEntityIfExistsAsync<SubmissionRow>(Partition(submission.Year),
                SubmissionRow.Key(submission.CentreId, submission.SubmissionId), cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue;
            }

            var row = existing.Value!;
            if (row.ProcessingFailure is null && row.ProcessedAt > poisonedAt)
            {
                return false;
            }

            row.RecordFailure(failure);
            try
            {
                // The ETag makes this lose to a successful run that replaces the row in between.
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Changed under us: read it again.
            }
        }

        throw new InvalidOperationException($"The row of submission {submission.SubmissionId} kept changing while its failure was recorded; try again.");
    }

    public async Task<Submission?> FindAsync(int year, string centreId, string submissionId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<SubmissionRow>(Partition(year), SubmissionRow.Key(centreId, submissionId), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var submission = response.Value!.ToSubmission();
        var choice = await Table.GetEntityIfExistsAsync<ChoiceRow>(Partition(year), ChoiceRowKey(centreId), cancellationToken: cancellationToken);
        return choice.HasValue ? WithChoice(submission, choice.Value!) : submission;
    }

    /// <summary>Every submission of the campaign, each carrying HQ's choice when it is the chosen version of its centre.</summary>
    public async Task<IReadOnlyList<Submission>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var submissions = new List<Submission>();
        var partition = Partition(year);
        await foreach (var row in Table.QueryAsync<SubmissionRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(ChoicePrefix, StringComparison.Ordinal))
            {
                submissions.Add(row.ToSubmission());
            }
        }

        var chosen = new Dictionary<(string Centre, string SubmissionId), ChoiceRow>();
        await foreach (var choice in Table.QueryAsync<ChoiceRow>(
            r => r.PartitionKey == partition && r.RowKey.CompareTo(ChoicePrefix) >= 0 && r.RowKey.CompareTo(ChoiceRangeEnd) < 0, cancellationToken: cancellationToken))
        {
            chosen[(choice.Centre ?? "", choice.SubmissionId ?? "")] = choice;
        }

        return [.. submissions.Select(s => chosen.TryGetValue((s.CentreId, s.SubmissionId), out var choice) ? WithChoice(s, choice) : s)];
    }

    /// <summary>Every submission of every year whose reading gives <paramref name="address"/> among its contact addresses (ignoring case).</summary>
    public async Task<IReadOnlyList<Submission>> NamingAsync(string address, CancellationToken cancellationToken)
    {
        var submissions = new List<Submission>();
        await foreach (var row in Table.QueryAsync<SubmissionRow>(cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(ChoicePrefix, StringComparison.Ordinal) && Names(row, address))
            {
                submissions.Add(row.ToSubmission());
            }
        }

        return submissions;
    }

    /// <summary>
    /// Takes <paramref name="address"/> out of one submission's contact columns, with the telephone numbers and "prepared by"
    /// beside it (the reader cannot tell whose they are), in one write; false when the row no longer names the address.
    /// </summary>
    public async Task<bool> ForgetContactAsync(int year, string centreId, string submissionId, string address, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<SubmissionRow>(Partition(year), SubmissionRow.Key(centreId, submissionId), cancellationToken: cancellationToken);
        if (!response.HasValue || !Names(response.Value!, address))
        {
            return false;
        }

        var row = response.Value!;
        row.Emails = string.Join(' ', (row.Emails ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(e => !string.Equals(e, address, StringComparison.OrdinalIgnoreCase)));
        row.Phones = "[]";
        row.PreparedBy = null;
        await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    private static bool Names(SubmissionRow row, string address) =>
        (row.Emails ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(address.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Records that HQ chose this version as the centre's counting one, replacing any earlier choice.</summary>
    public Task ChooseAsync(Submission version, DateTimeOffset at, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new ChoiceRow
        {
            PartitionKey = Partition(version.Year),
            RowKey = ChoiceRowKey(version.CentreId),
            Centre = version.CentreId,
            SubmissionId = version.SubmissionId,
            ChosenAt = at,
        }, TableUpdateMode.Replace, cancellationToken);

    private const string ChoicePrefix = "~chosen_";

    /// <summary>Just past every choice row: centre ids are lower-case letters, digits and hyphens, all before '~'.</summary>
    private const string ChoiceRangeEnd = ChoicePrefix + "~";

    private static string ChoiceRowKey(string centreId) => ChoicePrefix + centreId;

    private static Submission WithChoice(Submission submission, ChoiceRow choice) =>
        string.Equals(choice.SubmissionId, submission.SubmissionId, StringComparison.Ordinal)
            ? submission with { ChosenByHqAt = choice.ChosenAt }
            : submission;

    /// <summary>HQ's choice of one centre's counting version (<see cref="ChooseAsync"/>).</summary>
    private sealed record ChoiceRow : TableRow
    {
        public string? Centre { get; set; }

        public string? SubmissionId { get; set; }

        public DateTimeOffset? ChosenAt { get; set; }
    }

    private static string Partition(int year) => SubmissionRow.Partition(year);
}
