using System.Globalization;
using PacSubmissions.Campaigns;
using PacSubmissions.Languages;

namespace PacSubmissions.Upload.Page;

/// <summary>What one page needs beyond its texts: the token (for the form and the switcher) and the HQ address.</summary>
public sealed record PageContext(Texts Texts, string? Token, string HqAddress);

/// <summary>
/// The words and times the upload pages (the Razor components beside this file) and the status endpoint's JSON share:
/// an upload's state and problems in the page's language, and the deadline's and receipts' formats.
/// </summary>
internal static class UploadPage
{
    /// <summary>The sentence for an upload's state and check status, in the page's language.</summary>
    public static string Summary(Texts t, UploadState state, Reports.ReportStatus? status) => status switch
    {
        null => state == UploadState.NotChecked ? t.StatusNotChecked : t.Checking,
        Reports.ReportStatus.Valid => t.StatusValid,
        Reports.ReportStatus.Incomplete => t.StatusIncomplete,
        _ => t.StatusUnreadable,
    };

    /// <summary>A problem in plain words in the page's language, with what to do about it, from the same catalogue as the coordinator's e-mails.</summary>
    public static string Explain(Texts t, UploadProblem problem) => t.Problem(problem.Code, problem.Section);

    public static UploadStatus Localised(UploadStatus status, Texts t) => status with
    {
        Summary = Summary(t, status.State, status.CheckStatus),
        Problems = [.. status.Problems.Select(p => p with { Text = Explain(t, p) })],
    };

    /// <summary>An instant in the campaign's zone, with the zone named plainly: what the deadline means where the campaign is run.</summary>
    internal static string InZone(Texts t, DateTimeOffset instant, string timeZone) => ShowTime.At(t, instant, timeZone);

    /// <summary>
    /// An instant in the coordinator's own zone as the register has it for the centre, else in UTC: what the server can
    /// say without the script (which may still turn it into the browser's own time).
    /// </summary>
    internal static string Local(Texts t, DateTimeOffset instant, string? centreZone) =>
        ShowTime.Moment(t, instant, centreZone, "UTC");

    /// <summary>An instant for a <c>time</c> element's <c>datetime</c>, which the script reads.</summary>
    internal static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A text of the catalogue with its placeholders filled.</summary>
    internal static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
