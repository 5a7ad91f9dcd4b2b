using System.Globalization;

namespace PacSubmissions.Reports;

/// <summary>How HQ's pages and <c>pac extract</c> describe a reading's file: its format, page and word counts, in English.</summary>
public static class ReadingSummary
{
    private static readonly string[] Named = [ReportFormats.Docx, ReportFormats.Odt, ReportFormats.Pdf];

    /// <summary><c>1 page</c>, <c>12 pages</c>, <c>1,204 words</c>: the noun as many takes it, with an <c>s</c>.</summary>
    public static string Counted(int count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}s");

    /// <summary>
    /// The format the reader found; for a file it could not read, what the file claimed to be by its name, since the
    /// bytes said nothing readable (<c>claims to be DOCX; not a readable DOCX</c>), rather than the sniffer's
    /// <c>unknown</c> or <c>zip</c>.
    /// </summary>
    public static string Format(string format, ReportStatus status, string? fileName)
    {
        if (status != ReportStatus.Unreadable)
        {
            return format;
        }

        var claimed = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        return Named.Contains(claimed)
            ? $"claims to be {claimed.ToUpperInvariant()}; not a readable {claimed.ToUpperInvariant()}"
            : claimed.Length > 0
                ? $"named .{claimed}; not a readable DOCX, ODT or PDF"
                : "no format in its name; not a readable DOCX, ODT or PDF";
    }
}
