using System.Globalization;
using PacSubmissions.Csv;
using PacSubmissions.Overview;

namespace PacSubmissions.Exports;

/// <summary>
/// HQ's campaign table as CSV for Excel: one row per active centre, times in UTC (ISO 8601), the answered questions by
/// their form keys in form order. Centre names and file names come from outside, so every field is formula-defused.
/// </summary>
internal static class CampaignTableCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "centre_id", "centre_name", "country", "status", "last_upload_utc", "file_name", "versions", "questions_answered",
        "reminders_sent", "extended_deadline_utc",
    ];

    /// <summary>Writes the table; each record goes out with an async write, so a response body never sees a synchronous one.</summary>
    public static async Task WriteAsync(TextWriter writer, CampaignOverview overview, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(Record(Columns).AsMemory(), cancellationToken);
        foreach (var row in overview.Centres)
        {
            await writer.WriteAsync(Record(Fields(row)).AsMemory(), cancellationToken);
        }
    }

    public static string StatusText(CentreReportState state) => state switch
    {
        CentreReportState.NotYet => "not yet",
        CentreReportState.OnTime => "on time",
        CentreReportState.Late => "late",
        CentreReportState.Incomplete => "incomplete",
        CentreReportState.Failed => "could not be processed",
        _ => "unreadable",
    };

    private static IEnumerable<string?> Fields(CentreOverview row) =>
    [
        row.Centre.Id,
        row.Centre.Name,
        row.Centre.Country,
        StatusText(row.State),
        Utc(row.Counting?.ReceivedAt),
        row.Counting?.OriginalFileName,
        row.Versions.ToString(CultureInfo.InvariantCulture),
        string.Join(";", Reports.FormSections.All.Where(row.SectionsAnswered.Contains)),
        row.RemindersSent.ToString(CultureInfo.InvariantCulture),
        Utc(row.ExtendedDeadline),
    ];

    private static string Utc(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Record(IEnumerable<string?> fields)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        CsvFile.WriteSafeRecord(line, fields);
        return line.ToString();
    }
}
