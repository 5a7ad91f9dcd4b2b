namespace PacSubmissions.Submissions;

/// <summary>
/// Why a report could not be processed: the blob trigger gave up on it and the poison handler recorded it. A later
/// successful run replaces the row and so clears it.
/// </summary>
public sealed record ProcessingFailure(DateTimeOffset At, string Reason);
