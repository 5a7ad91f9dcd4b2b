using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Overview;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Dashboard;

/// <summary>Serves HQ's pages, downloads and actions; the function classes only hand requests over.</summary>
public sealed class DashboardHandler(
    CampaignStore campaigns,
    CentreRegister centres,
    CampaignOverviews overviews,
    SubmissionStore submissions,
    ReadingArchive readings,
    EmailLedger emails,
    AuditLog audit,
    DashboardActions actions,
    CampaignOperations campaignOperations,
    PacStorage storage,
    DashboardAccess access)
{
    private const string NoticeParameter = "notice";
    private const string LinkParameter = "link";

    public async Task<IActionResult> CampaignsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (Refused(request, out var caller) is { } denied)
        {
            return denied;
        }

        var links = DashboardLinks.For(request);
        var all = await campaigns.ListAsync(cancellationToken);
        if (!HttpMethods.IsPost(request.Method))
        {
            var asked = int.TryParse(request.Query["year"].FirstOrDefault(), out var year) ? all.FirstOrDefault(c => c.Year == year) : null;
            return Html(StatusCodes.Status200OK, DashboardPages.Campaigns(links, all, asked is null ? null : DashboardPages.FormOf(asked), null));
        }

        var (form, unreadable) = await ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return UnreadableForm(links, unreadable);
        }

        string Value(string name) => form[name].FirstOrDefault() ?? "";
        var yearText = Value("year").Trim();
        var graceText = Value("grace").Trim();
        int? grace = int.TryParse(graceText, out var minutes) ? minutes : null;
        var settings = new CampaignSettings(int.TryParse(yearText, out var y) ? y : 0, Value("timezone"), Value("deadline"), Value("opens"), Value("late-until"), grace);
        var error = !int.TryParse(yearText, out _) ? $"'{yearText}' is not a year: give the campaign year, e.g. 2027."
            : graceText.Length > 0 && grace is null ? $"'{graceText}' is not a number of minutes."
            : null;
        if (error is not null)
        {
            return Html(StatusCodes.Status400BadRequest, DashboardPages.Campaigns(links, all, settings, error));
        }

        try
        {
            var campaign = await campaignOperations.OpenAsync(settings, formVersion: null, caller.Who, cancellationToken);
            return new RedirectResult(links.Campaign(campaign.Year), permanent: false, preserveMethod: false);
        }
        catch (OperationRefusedException refused)
        {
            return Html(StatusCodes.Status400BadRequest, DashboardPages.Campaigns(links, all, settings, refused.Message));
        }
    }

    public async Task<IActionResult> CampaignAsync(HttpRequest request, int year, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (Refused(request, out _) is { } denied)
        {
            return denied;
        }

        var links = DashboardLinks.For(request);
        return await overviews.LoadAsync(year, cancellationToken) is { } overview
            ? Html(StatusCodes.Status200OK, DashboardPages.Campaign(links, overview, CampaignTableView.From(request)))
            : NoCampaign(links, year);
    }

    public async Task<IActionResult> CentreAsync(HttpRequest request, int year, string centre, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (Refused(request, out _) is { } denied)
        {
            return denied;
        }

        var links = DashboardLinks.For(request);
        var (campaign, found, refusal) = await FindAsync(links, year, centre, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var overview = await overviews.LoadAsync(year, cancellationToken);
        var versions = (await submissions.ListAsync(year, cancellationToken)).Where(s => s.CentreId == found!.Id).ToList();
        var counting = CountingVersion.Of(versions);
        var reading = counting is null ? null : await readings.FindAsync(counting.BlobName, cancellationToken);
        var sent = (await emails.ListAsync(year, cancellationToken)).Where(e => e.Key.Centre == found!.Id).ToList();
        var data = new CentrePageData(campaign!, found!, overview?.Centres.FirstOrDefault(r => r.Centre.Id == found!.Id), versions, reading, sent,
            await audit.ListAsync(year, found!.Id, cancellationToken),
            request.Query[LinkParameter].FirstOrDefault(), request.Query[NoticeParameter].FirstOrDefault());
        return Html(StatusCodes.Status200OK, DashboardPages.Centre(links, data));
    }

    public async Task<IActionResult> DownloadAsync(HttpRequest request, int year, string centre, string submissionId, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (Refused(request, out _) is { } denied)
        {
            return denied;
        }

        var version = SubmissionBlob.IsValidSubmissionId(submissionId) ? await submissions.FindAsync(year, centre, submissionId, cancellationToken) : null;
        if (version is null)
        {
            return Html(StatusCodes.Status404NotFound, DashboardPages.Error(DashboardLinks.For(request), "No such version",
                $"Centre '{centre}' has no version '{submissionId}' in {year}."));
        }

        if (version.MarkedMalicious())
        {
            return Html(StatusCodes.Status403Forbidden, DashboardPages.Error(DashboardLinks.For(request), "Not offered for download",
                $"The malware scan found a threat in '{version.OriginalFileName}', so it is not offered for download. It is kept in storage; ask the centre for a clean copy."));
        }

        var content = await storage.Reports.GetBlobClient(version.BlobName).OpenReadAsync(cancellationToken: cancellationToken);
        // FileDownloadName writes both filename= (ASCII fallback) and filename*=UTF-8'' (RFC 5987), so any name survives.
        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = version.OriginalFileName };
    }

    public async Task<IActionResult> ActionAsync(HttpRequest request, int year, string centre, string action, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (Refused(request, out var caller) is { } denied)
        {
            return denied;
        }

        var links = DashboardLinks.For(request);
        var (campaign, found, refusal) = await FindAsync(links, year, centre, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (form, unreadable) = request.HasFormContentType ? await ReadFormAsync(request, cancellationToken) : (null, null);
        if (unreadable is not null)
        {
            return UnreadableForm(links, unreadable);
        }

        var values = form?.ToDictionary(f => f.Key, f => f.Value.FirstOrDefault() ?? "", StringComparer.Ordinal) ?? [];
        try
        {
            var outcome = await actions.RunAsync(campaign!, found!, action, values, caller.Who, cancellationToken);
            // POST, then redirect: a reload of the page HQ lands on never repeats the action.
            return new RedirectResult(links.Centre(year, found!.Id, (NoticeParameter, outcome.Notice), (LinkParameter, outcome.Link)), false, false);
        }
        catch (OperationRefusedException exception)
        {
            return Html(StatusCodes.Status400BadRequest, DashboardPages.Error(links, "The action was not done", exception.Message));
        }
    }

    public async Task<IActionResult> AuditAsync(HttpRequest request, int year, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (Refused(request, out _) is { } denied)
        {
            return denied;
        }

        var links = DashboardLinks.For(request);
        return await campaigns.FindAsync(year, cancellationToken) is { } campaign
            ? Html(StatusCodes.Status200OK, DashboardPages.Audit(links, campaign, await audit.ListAsync(year, null, cancellationToken)))
            : NoCampaign(links, year);
    }

    public static IActionResult Asset(HttpRequest request, string name)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        return DashboardAssets.Find(name) is { } asset ? new FileContentResult(asset.Bytes, asset.ContentType) : new NotFoundResult();
    }

    private async Task<(Campaign? Campaign, Centre? Centre, IActionResult? Refusal)> FindAsync(
        DashboardLinks links, int year, string centreId, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(year, cancellationToken);
        if (campaign is null)
        {
            return (null, null, NoCampaign(links, year));
        }

        var centre = CentreRegister.IsValidId(centreId) ? await centres.FindAsync(centreId, cancellationToken) : null;
        return centre is null
            ? (null, null, Html(StatusCodes.Status404NotFound, DashboardPages.Error(links, "No such centre", $"The register has no centre '{centreId}'.")))
            : (campaign, centre, null);
    }

    /// <summary>The posted form, or why it cannot be read: over the form parser's limits, or a multipart body without its boundary.</summary>
    private static async Task<(IFormCollection? Form, string? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return (null, exception.Message);
        }
    }

    private static ContentResult UnreadableForm(DashboardLinks links, string? problem) =>
        Html(StatusCodes.Status400BadRequest, DashboardPages.Error(links, "The form could not be read",
            $"Nothing was changed: the form that was sent could not be read ({problem}). Send it again from the dashboard's own page."));

    private static ContentResult NoCampaign(DashboardLinks links, int year) =>
        Html(StatusCodes.Status404NotFound, DashboardPages.Error(links, "No such campaign", $"There is no campaign {year}: open it on the campaigns page."));

    /// <summary>The page that refuses a caller <see cref="DashboardAccess"/> does not let in, or null (with who it is).</summary>
    private ContentResult? Refused(HttpRequest request, out DashboardCaller caller)
    {
        caller = access.Identify(request);
        return caller.IsRefused
            ? Html(caller.RefusalStatus!.Value, DashboardPages.Error(DashboardLinks.For(request), "Not signed in as HQ", caller.Refusal!))
            : null;
    }

    private static ContentResult Html(int status, string html) =>
        new() { StatusCode = status, Content = html, ContentType = "text/html; charset=utf-8" };
}
