using System.Globalization;
using System.Text;
using PacSubmissions.Campaigns;
using PacSubmissions.Forms;
using PacSubmissions.Languages;

namespace PacSubmissions.Upload.Page;

/// <summary>What one page needs beyond its texts: the token (for the form and the switcher) and the HQ address.</summary>
public sealed record PageContext(Texts Texts, string? Token, string HqAddress);

/// <summary>
/// Renders the upload page and its result pages as small, self-contained HTML: no inline script or style (the CSP
/// forbids them), one script and one style sheet served by the upload-assets function, usable without the script.
/// </summary>
public static class UploadPage
{
    public static string Main(PageContext page, UploadContext upload, IReadOnlyList<UploadStatus> uploads, DateTimeOffset now, long maxBytes)
    {
        var t = page.Texts;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"centre\">{E(upload.Centre.Name)}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(Format(t.CampaignYear, upload.Campaign.Year))}</p>");
        AppendDeadline(body, t, upload, now);

        var window = upload.WindowAt(now);
        switch (window)
        {
            case UploadWindow.NotYetOpen:
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" id=\"not-open\">{E(Format(t.NotYetOpenNotice, InZone(upload.Campaign.OpensAt, upload.Campaign.TimeZone)))}</p>");
                break;
            case UploadWindow.Closed:
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" id=\"closed\">{E(Format(t.ClosedNotice, page.HqAddress))}</p>");
                break;
            default:
                if (window == UploadWindow.Late)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice late\" id=\"late-notice\">{E(t.DeadlinePassedNotice)}</p>");
                }

                AppendForm(body, page, maxBytes);
                // After the form: sending the report stays the first thing a phone shows; the blank form is for next time.
                if (page.Token is { } token)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<p id=\"template\"><a href=\"{E(UploadRoutes.TemplatePath(token, t.Code))}\" download>{E(t.TemplateLink)}</a></p>");
                }

                break;
        }

        AppendUploads(body, t, uploads);
        return Document(page, t.PageTitle, body.ToString());
    }

    public static string Received(PageContext page, UploadStatus receipt)
    {
        var t = page.Texts;
        var body = new StringBuilder();
        var when = $"{receipt.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC";
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"receipt\"{(receipt.Late ? " class=\"notice late\"" : "")}>{E(Format(receipt.Late ? t.ReceivedLate : t.ReceivedOnTime, when))}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(t.ColumnFile)}: {E(receipt.FileName)} ({receipt.Bytes.ToString("N0", CultureInfo.InvariantCulture)} B)</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(t.Checking)}</p>");
        AppendCheckLink(body, page, receipt.SubmissionId);
        AppendBack(body, page);
        return Document(page, t.ReceivedTitle, body.ToString());
    }

    /// <summary>
    /// One upload's check, for a browser without JavaScript (the result page links here): it refreshes itself while the
    /// check runs, then shows the result and the problems in the page's language.
    /// </summary>
    public static string Check(PageContext page, UploadStatus status)
    {
        var t = page.Texts;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(t.ColumnFile)}: {E(status.FileName)}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<div id=\"check-result\" data-state=\"{E(status.State)}\"><p id=\"check-summary\">{E(Summary(t, status.State, status.CheckStatus))}</p>");
        AppendProblems(body, t, status.Problems, " id=\"check-problems\"");
        body.Append("</div>");
        var checking = status.State == UploadStatus.Checking;
        if (checking)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"check-refreshes\">{E(t.CheckRefreshes)}</p>");
            AppendCheckLink(body, page, status.SubmissionId);
        }

        AppendBack(body, page);
        return Document(page, t.CheckTitle, body.ToString(), refreshSeconds: checking ? CheckRefreshSeconds : null);
    }

    public static string Refused(PageContext page, string title, string message)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" id=\"error\" role=\"alert\">{E(message)}</p>");
        AppendBack(body, page);
        return Document(page, title, body.ToString());
    }

    public static string LinkInvalid(PageContext page) =>
        Document(page with { Token = null }, page.Texts.LinkInvalidTitle,
            $"<p class=\"notice\" id=\"error\">{E(page.Texts.LinkInvalid)}</p>");

    /// <summary>The sentence for an upload's state and check status, in the page's language.</summary>
    public static string Summary(Texts t, string state, string? status) => status switch
    {
        null => state == UploadStatus.NotChecked ? t.StatusNotChecked : t.Checking,
        "valid" => t.StatusValid,
        "incomplete" => t.StatusIncomplete,
        _ => t.StatusUnreadable,
    };

    /// <summary>A problem in plain words in the page's language, with what to do about it, from the same catalogue as the coordinator's e-mails.</summary>
    public static string Explain(Texts t, UploadProblem problem) => t.Problem(problem.Code, problem.Section);

    public static UploadStatus Localised(UploadStatus status, Texts t) => status with
    {
        Summary = Summary(t, status.State, status.CheckStatus),
        Problems = [.. status.Problems.Select(p => p with { Text = Explain(t, p) })],
    };

    private static void AppendDeadline(StringBuilder body, Texts t, UploadContext upload, DateTimeOffset now)
    {
        var deadline = upload.Deadline;
        body.Append("<dl class=\"deadline\">");
        body.Append(CultureInfo.InvariantCulture, $"<dt>{E(t.DeadlineLabel)}</dt><dd><time id=\"deadline\" datetime=\"{Iso(deadline)}\">{E(InZone(deadline, upload.Campaign.TimeZone))}</time></dd>");
        body.Append(CultureInfo.InvariantCulture, $"<dt>{E(t.InYourLocalTime)}</dt><dd><time id=\"deadline-local\" class=\"local-time\" datetime=\"{Iso(deadline)}\">{deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC</time></dd>");
        body.Append("</dl>");
        var left = deadline - now;
        if (left > TimeSpan.Zero && now >= upload.Campaign.OpensAt)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"time-left\">{E(Format(t.TimeLeft, (int)left.TotalDays, left.Hours))}</p>");
        }
    }

    private static void AppendForm(StringBuilder body, PageContext page, long maxBytes)
    {
        var t = page.Texts;
        var action = $"{UploadRoutes.PagePath(page.Token!)}?{UploadLanguage.QueryParameter}={t.Code}";
        body.Append(CultureInfo.InvariantCulture, $"<form id=\"upload-form\" method=\"post\" enctype=\"multipart/form-data\" action=\"{E(action)}\" data-sending=\"{E(t.Sending)}\" data-checking=\"{E(t.Checking)}\" data-received-on-time=\"{E(t.ReceivedOnTime)}\" data-received-late=\"{E(t.ReceivedLate)}\" data-error-network=\"{E(t.ErrorNetwork)}\" data-lang=\"{t.Code}\">");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"accepted\">{E(Format(t.AcceptedFiles, ReportFormat.AcceptedList, maxBytes / (1024 * 1024)))}</p>");
        body.Append("<div class=\"drop\" id=\"drop-zone\">");
        body.Append(CultureInfo.InvariantCulture, $"<label for=\"file\">{E(t.ChooseFile)}</label>");
        body.Append(CultureInfo.InvariantCulture, $"<input type=\"file\" id=\"file\" name=\"{ReportUploadHandler.FileField}\" accept=\"{ReportFormat.PickerAccept}\" required aria-describedby=\"accepted drop-hint\">");
        body.Append(CultureInfo.InvariantCulture, $"<p id=\"drop-hint\">{E(t.DropHint)}</p>");
        body.Append("</div>");
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" id=\"send\">{E(t.Send)}</button>");
        body.Append(CultureInfo.InvariantCulture, $"<div id=\"progress-area\" hidden><label id=\"progress-label\" for=\"progress\">{E(t.ProgressLabel)}</label> <progress id=\"progress\" max=\"100\" value=\"0\">0%</progress> <span id=\"progress-text\"></span></div>");
        body.Append("<div id=\"result\" role=\"status\" aria-live=\"polite\"></div>");
        body.Append("</form>");
    }

    private static void AppendUploads(StringBuilder body, Texts t, IReadOnlyList<UploadStatus> uploads)
    {
        body.Append(CultureInfo.InvariantCulture, $"<section id=\"your-uploads\" aria-labelledby=\"uploads-heading\"><h2 id=\"uploads-heading\">{E(t.YourUploads)}</h2>");
        if (uploads.Count == 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p id=\"no-uploads\">{E(t.NoUploads)}</p></section>");
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>{E(t.NewestCounts)}</p>");
        var counting = uploads.FirstOrDefault(u => u.Counts == true);
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"table\"><table id=\"uploads\"><thead><tr><th scope=\"col\">{E(t.ColumnReceived)}</th><th scope=\"col\">{E(t.ColumnFile)}</th><th scope=\"col\">{E(t.ColumnTiming)}</th><th scope=\"col\">{E(t.ColumnCheck)}</th></tr></thead><tbody>");
        foreach (var upload in uploads)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr data-submission=\"{E(upload.SubmissionId)}\"><td><time class=\"local-time\" datetime=\"{Iso(upload.ReceivedAt)}\">{upload.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</time></td>");
            body.Append(CultureInfo.InvariantCulture, $"<td>{E(upload.FileName)}</td><td>{E(upload.Late ? t.Late : t.OnTime)}</td><td>{E(Summary(t, upload.State, upload.CheckStatus))}");
            if (counting is not null && upload.Counts == false && (upload.State == UploadStatus.NotChecked || upload.CheckStatus == "unreadable"))
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"does-not-count\"><strong>{E(Format(t.DoesNotCount, $"{counting.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"))}</strong></p>");
            }

            AppendProblems(body, t, upload.Problems);
            body.Append("</td></tr>");
        }

        body.Append("</tbody></table></div></section>");
    }

    /// <summary>An upload's problems as a list in the page's language; nothing when it has none.</summary>
    private static void AppendProblems(StringBuilder body, Texts t, IReadOnlyList<UploadProblem> problems, string attributes = "")
    {
        if (problems.Count == 0)
        {
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"<ul{attributes}>");
        foreach (var problem in problems)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{E(Explain(t, problem))}</li>");
        }

        body.Append("</ul>");
    }

    /// <summary>How often the check page reloads itself while the check runs: a check takes seconds, rarely a minute.</summary>
    private const int CheckRefreshSeconds = 5;

    private static void AppendCheckLink(StringBuilder body, PageContext page, string submissionId)
    {
        if (page.Token is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p><a id=\"check-link\" href=\"{E(UploadRoutes.StatusPath(page.Token, submissionId))}?{UploadLanguage.QueryParameter}={page.Texts.Code}\">{E(page.Texts.SeeCheck)}</a></p>");
        }
    }

    private static void AppendBack(StringBuilder body, PageContext page)
    {
        if (page.Token is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p><a id=\"back\" href=\"{E(UploadRoutes.PagePath(page.Token))}?{UploadLanguage.QueryParameter}={page.Texts.Code}\">{E(page.Texts.BackToPage)}</a></p>");
        }
    }

    private static string Document(PageContext page, string title, string main, int? refreshSeconds = null)
    {
        var t = page.Texts;
        var html = new StringBuilder(4096);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{t.Code}\" dir=\"{(t.RightToLeft ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\">");
        if (refreshSeconds is { } seconds)
        {
            // A reload, not a script: the page is for browsers without JavaScript.
            html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{seconds}\">");
        }

        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(title)} – IFLA PAC</title>");
        html.Append(CultureInfo.InvariantCulture, $"<link rel=\"stylesheet\" href=\"{UploadRoutes.AssetPath(UploadAssets.StyleSheet)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<script src=\"{UploadRoutes.AssetPath(UploadAssets.Script)}\" defer></script></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<header><nav aria-label=\"{E(t.Language)}\"><ul class=\"languages\">");
        foreach (var language in Texts.All)
        {
            var current = language.Code == t.Code ? " aria-current=\"true\"" : "";
            var href = page.Token is null ? $"?{UploadLanguage.QueryParameter}={language.Code}" : $"{UploadRoutes.PagePath(page.Token)}?{UploadLanguage.QueryParameter}={language.Code}";
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(href)}\" lang=\"{language.Code}\" hreflang=\"{language.Code}\"{current}>{E(language.NativeName)}</a></li>");
        }

        html.Append("</ul></nav></header>");
        html.Append(CultureInfo.InvariantCulture, $"<main><h1>{E(title)}</h1>{main}</main></body></html>");
        return html.ToString();
    }

    private static string InZone(DateTimeOffset instant, string timeZone) =>
        $"{CampaignClock.InZone(instant, timeZone):yyyy-MM-dd HH:mm} ({CampaignClock.Label(timeZone)})";

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    /// <summary>Escapes the five HTML-significant characters only: every script stays readable (and small) in the page source.</summary>
    private static string E(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
