using PacSubmissions.Reports;

namespace PacSubmissions.Submissions;

/// <summary>
/// Which of a centre's uploads for a campaign is its report: the newest one that could be read. A file the reader could
/// not read (damaged, password-protected, marked malicious) or that could not be processed at all never replaces a
/// report that could, so one broken upload cannot turn a centre with good answers into "unreadable" or drop its answers
/// from the exports. Only when no upload could be read does the newest unreadable one count, so HQ still sees the
/// centre tried. A version HQ chose counts instead, until the centre sends a readable one after that choice. Every view of "where a centre stands" (HQ's table, the exports, the digests, the reminders, the centre
/// page) asks this one rule.
/// </summary>
internal static class CountingVersion
{
    /// <summary>The version that counts among <paramref name="versions"/> (one centre's, one campaign's); null when there are none.</summary>
    public static Submission? Of(IEnumerable<Submission> versions)
    {
        // Newest first, the submission id breaking a tie of the same instant, as the upload page orders them.
        var newestFirst = versions.OrderByDescending(v => v.ReceivedAt).ThenByDescending(v => v.SubmissionId, StringComparer.Ordinal).ToList();
        var byRule = newestFirst.FirstOrDefault(IsReadable) ?? newestFirst.FirstOrDefault();
        var chosen = newestFirst.Where(v => v.ChosenByHqAt is not null).MaxBy(v => v.ChosenByHqAt);
        return chosen is not null && !(byRule is { } newer && IsReadable(newer) && newer.ReceivedAt > chosen.ChosenByHqAt) ? chosen : byRule;
    }

    /// <summary>
    /// Whether a version can count over another: it was processed and read. A row without a check (written before the
    /// report reader existed) was accepted as a report then, and still is.
    /// </summary>
    public static bool IsReadable(Submission version) =>
        version.Failure is null && version.Check?.Status is not ReportStatus.Unreadable;
}
