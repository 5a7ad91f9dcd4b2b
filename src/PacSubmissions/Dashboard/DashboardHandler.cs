using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Dashboard.Pages;
using PacSubmissions.Email;
using PacSubmissions.Html;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
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
    DashboardAccess access,
    DashboardSessions sessions,
    IOptions<EmailOptions> email,
    HtmlPages pages,
    CampaignGlance glance)
{
    private const string NoticeParameter = "notice";
    private const string KeyParameter = "key";

    /// <summary>The query an unreadable version's warning page adds to its download link: HQ read the warning and chose to open it.</summary>
    public const string DownloadAnywayParameter = "open";
    public const string DownloadAnywayValue = "anyway";

    public async Task<IActionResult> CampaignsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if (!HttpMethods.IsPost(request.Method))
        {
            var viewer = access.Identify(request);
            if (viewer.IsRefused)
            {
                return await RefusalAsync(request, viewer, cancellationToken);
            }

            var listed = await campaigns.ListAsync(cancellationToken);
            var asked = int.TryParse(request.Query["year"].FirstOrDefault(), out var year) ? listed.FirstOrDefault(c => c.Year == year) : null;
            return await CampaignsPageAsync(StatusCodes.Status200OK, access.LinksFor(viewer), listed, asked is null ? null : CampaignsPage.FormOf(asked), null, cancellationToken);
        }

        var (caller, form, refusal) = await AdmitPostAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var links = access.LinksFor(caller!);
        if (form is null)
        {
            return await UnreadableFormAsync(links, "no form was sent", cancellationToken);
        }

        var all = await campaigns.ListAsync(cancellationToken);
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
            return await CampaignsPageAsync(StatusCodes.Status400BadRequest, links, all, settings, error, cancellationToken);
        }

        try
        {
            var campaign = await campaignOperations.OpenAsync(settings, formVersion: null, caller!.Who, cancellationToken);
            return new RedirectResult(links.Campaign(campaign.Year), permanent: false, preserveMethod: false);
        }
        catch (OperationRefusedException refused)
        {
            return await CampaignsPageAsync(StatusCodes.Status400BadRequest, links, all, settings, refused.Message, cancellationToken);
        }
    }

    public async Task<IActionResult> CampaignAsync(HttpRequest request, int year, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var caller = access.Identify(request);
        if (caller.IsRefused)
        {
            return await RefusalAsync(request, caller, cancellationToken);
        }

        var links = access.LinksFor(caller);
        return await overviews.LoadAsync(year, cancellationToken) is { } overview
            ? await PageAsync<CampaignPage>(StatusCodes.Status200OK, new()
            {
                [nameof(CampaignPage.Links)] = links,
                [nameof(CampaignPage.Overview)] = overview,
                [nameof(CampaignPage.View)] = CampaignTableView.From(request),
                [nameof(CampaignPage.HqZone)] = email.Value.HqTimeZone,
            }, cancellationToken)
            : await NoCampaignAsync(links, year, cancellationToken);
    }

    public async Task<IActionResult> CentreAsync(HttpRequest request, int year, string centre, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var caller = access.Identify(request);
        if (caller.IsRefused)
        {
            return await RefusalAsync(request, caller, cancellationToken);
        }

        var links = access.LinksFor(caller);
        var (campaign, found, refusal) = await FindAsync(links, year, centre, cancellationToken);
        return refusal ?? await CentrePageAsync(links, campaign!, found!, null, request.Query[NoticeParameter].FirstOrDefault(), cancellationToken);
    }

    private async Task<ContentResult> CentrePageAsync(
        DashboardLinks links, Campaign campaign, Centre found, string? shownLink, string? notice, CancellationToken cancellationToken)
    {
        var year = campaign.Year;
        var overview = await overviews.LoadAsync(year, cancellationToken);
        var versions = (await submissions.ListAsync(year, cancellationToken)).Where(s => s.CentreId == found.Id).ToList();
        var counting = CountingVersion.Of(versions);
        var reading = counting is null ? null : await readings.FindAsync(counting.BlobName, cancellationToken);
        var sent = (await emails.ListAsync(year, cancellationToken)).Where(e => e.Key.Centre == found.Id).ToList();
        var data = new CentrePageData(campaign, found, overview?.Centres.FirstOrDefault(r => r.Centre.Id == found.Id), versions, reading, sent,
            await audit.ListAsync(year, found.Id, cancellationToken), shownLink, notice);
        return await PageAsync<CentrePage>(StatusCodes.Status200OK, new()
        {
            [nameof(CentrePage.Links)] = links,
            [nameof(CentrePage.Data)] = data,
            [nameof(CentrePage.HqZone)] = email.Value.HqTimeZone,
            [nameof(CentrePage.History)] = await glance.HistoryAsync(campaign, found.Id, cancellationToken),
        }, cancellationToken);
    }

    public async Task<IActionResult> DownloadAsync(HttpRequest request, int year, string centre, string submissionId, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var caller = access.Identify(request);
        if (caller.IsRefused)
        {
            return await RefusalAsync(request, caller, cancellationToken);
        }

        var version = SubmissionBlob.IsValidSubmissionId(submissionId) ? await submissions.FindAsync(year, centre, submissionId, cancellationToken) : null;
        if (version is null)
        {
            return await ErrorPageAsync(StatusCodes.Status404NotFound, access.LinksFor(caller), "No such version",
                $"Centre '{centre}' has no version '{submissionId}' in {year}.", cancellationToken);
        }

        if (version.MarkedMalicious())
        {
            return await ErrorPageAsync(StatusCodes.Status403Forbidden, access.LinksFor(caller), "Not offered for download",
                $"The malware scan found a threat in '{version.OriginalFileName}', so it is not offered for download. It is kept in storage; ask the centre for a clean copy.", cancellationToken);
        }

        if (version.Check?.Status == ReportStatus.Unreadable
            && !string.Equals(request.Query[DownloadAnywayParameter].FirstOrDefault(), DownloadAnywayValue, StringComparison.Ordinal))
        {
            return await PageAsync<UnreadableDownloadPage>(StatusCodes.Status200OK, new()
            {
                [nameof(UnreadableDownloadPage.Links)] = access.LinksFor(caller),
                [nameof(UnreadableDownloadPage.Version)] = version,
            }, cancellationToken);
        }

        var content = await storage.Reports.GetBlobClient(version.BlobName).OpenReadAsync(cancellationToken: cancellationToken);
        // The server's name with the found format's extension, never the sender's: "report.pdf.cmd" must not reach HQ's disk as a .cmd.
        return new FileStreamResult(content, "application/octet-stream") { FileDownloadName = version.DownloadName() };
    }

    public async Task<IActionResult> ActionAsync(HttpRequest request, int year, string centre, string action, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var (caller, form, refused) = await AdmitPostAsync(request, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var links = access.LinksFor(caller!);
        var (campaign, found, refusal) = await FindAsync(links, year, centre, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var values = form?.ToDictionary(f => f.Key, f => f.Value.FirstOrDefault() ?? "", StringComparer.Ordinal) ?? [];
        try
        {
            var outcome = await actions.RunAsync(campaign!, found!, action, values, caller!.Who, cancellationToken);
            if (outcome.Link is not null)
            {
                // A fresh link is a credential: shown on the page this POST answers (no-store, so not cached), not put into
                // a redirect's URL, where history and logs would keep it. Reloading asks before posting again.
                return await CentrePageAsync(links, campaign!, found!, outcome.Link, outcome.Notice, cancellationToken);
            }

            // POST, then redirect: a reload of the page HQ lands on never repeats the action.
            return new RedirectResult(links.Centre(year, found!.Id, (NoticeParameter, outcome.Notice)), false, false);
        }
        catch (OperationRefusedException exception)
        {
            return await ErrorPageAsync(StatusCodes.Status400BadRequest, links, "The action was not done", exception.Message, cancellationToken);
        }
    }

    public async Task<IActionResult> AuditAsync(HttpRequest request, int year, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var caller = access.Identify(request);
        if (caller.IsRefused)
        {
            return await RefusalAsync(request, caller, cancellationToken);
        }

        var links = access.LinksFor(caller);
        return await campaigns.FindAsync(year, cancellationToken) is { } campaign
            ? await PageAsync<AuditPage>(StatusCodes.Status200OK, new()
            {
                [nameof(AuditPage.Links)] = links,
                [nameof(AuditPage.Campaign)] = campaign,
                [nameof(AuditPage.Entries)] = await audit.ListAsync(year, null, cancellationToken),
                [nameof(AuditPage.HqZone)] = email.Value.HqTimeZone,
            }, cancellationToken)
            : await NoCampaignAsync(links, year, cancellationToken);
    }

    /// <summary>
    /// A campaign's page that another dashboard class loads (<see cref="GlanceHandler"/>): the caller let in (or refused) as
    /// on every page, then the page with what <paramref name="load"/> found; when it found nothing, the page for no such
    /// campaign, or a 404 saying <paramref name="notFound"/> when the campaign exists.
    /// </summary>
    internal async Task<IActionResult> CampaignViewAsync<TPage>(
        HttpRequest request, int year, string notFound, Func<DashboardLinks, Task<Dictionary<string, object?>?>> load, CancellationToken cancellationToken)
        where TPage : IComponent
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var caller = access.Identify(request);
        if (caller.IsRefused)
        {
            return await RefusalAsync(request, caller, cancellationToken);
        }

        var links = access.LinksFor(caller);
        return await load(links) is { } parameters ? await PageAsync<TPage>(StatusCodes.Status200OK, parameters, cancellationToken)
            : await campaigns.FindAsync(year, cancellationToken) is null ? await NoCampaignAsync(links, year, cancellationToken)
            : await ErrorPageAsync(StatusCodes.Status404NotFound, links, "Not found", notFound, cancellationToken);
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
            return (null, null, await NoCampaignAsync(links, year, cancellationToken));
        }

        var centre = await centres.FindAsync(centreId, cancellationToken);
        return centre is null
            ? (null, null, await ErrorPageAsync(StatusCodes.Status404NotFound, links, "No such centre", $"The register has no centre '{centreId}'.", cancellationToken))
            : (campaign, centre, null);
    }

    /// <summary>
    /// The gate every dashboard POST passes before it does anything: sent from the dashboard's own origin, by a caller
    /// <see cref="DashboardAccess"/> lets in, with a readable form (null when none was sent) that carries the session's
    /// antiforgery token. Otherwise the answer that refuses it.
    /// </summary>
    internal async Task<(DashboardCaller? Caller, IFormCollection? Form, IActionResult? Refusal)> AdmitPostAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (access.IsCrossSite(request))
        {
            return (null, null, CrossSite());
        }

        var caller = access.Identify(request);
        if (caller.IsRefused)
        {
            return (caller, null, await RefusalAsync(request, caller, cancellationToken));
        }

        var links = access.LinksFor(caller);
        var (form, unreadable) = request.HasFormContentType ? await ReadFormAsync(request, cancellationToken) : (null, null);
        if (unreadable is not null)
        {
            return (caller, null, await UnreadableFormAsync(links, unreadable, cancellationToken));
        }

        return access.FormIsGenuine(caller, form?[DashboardSessions.AntiforgeryField].FirstOrDefault())
            ? (caller, form, null)
            : (caller, null, await NotFromOurPageAsync(links, cancellationToken));
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

    private Task<ContentResult> UnreadableFormAsync(DashboardLinks links, string? problem, CancellationToken cancellationToken) =>
        ErrorPageAsync(StatusCodes.Status400BadRequest, links, "The form could not be read",
            $"Nothing was changed: the form that was sent could not be read ({problem}). Send it again from the dashboard's own page.", cancellationToken);

    private Task<ContentResult> NoCampaignAsync(DashboardLinks links, int year, CancellationToken cancellationToken) =>
        ErrorPageAsync(StatusCodes.Status404NotFound, links, "No such campaign", $"There is no campaign {year}: open it on the campaigns page.", cancellationToken);

    /// <summary>
    /// The page that refuses a caller <see cref="DashboardAccess"/> does not let in: the sign-in form when the key is
    /// what is missing, saying why (<see cref="SignInReasons"/>; a page asked for comes back after it; an action is not
    /// done and is not repeated). The export handler shows it to a browser too.
    /// </summary>
    public Task<ContentResult> RefusalAsync(HttpRequest request, DashboardCaller caller, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        return caller.NeedsSignIn
            ? SignInPageAsync(caller.RefusalStatus!.Value, HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : null, SignInReasons.For(request), cancellationToken)
            : ErrorPageAsync(caller.RefusalStatus!.Value, DashboardLinks.SignedOut, "Not signed in as HQ", caller.Refusal!, cancellationToken);
    }

    /// <summary>Another site's page posted to the dashboard: refused before anything is read, in plain words.</summary>
    private static ContentResult CrossSite() => new()
    {
        StatusCode = StatusCodes.Status403Forbidden,
        ContentType = "text/plain; charset=utf-8",
        Content = "Refused: this form was sent from another web site, not from HQ's dashboard. Nothing was changed.",
    };

    private Task<ContentResult> NotFromOurPageAsync(DashboardLinks links, CancellationToken cancellationToken) =>
        ErrorPageAsync(StatusCodes.Status403Forbidden, links, "The action was not done",
            "Nothing was changed: the form did not carry this session's security token (it was not sent from the dashboard's own page, or the page is from an earlier sign-in). Reload the page and send it again.", cancellationToken);

    private Task<ContentResult> SignInPageAsync(int status, string? returnTo, string? error, CancellationToken cancellationToken) =>
        PageAsync<SignInPage>(status, new()
        {
            [nameof(SignInPage.ReturnTo)] = DashboardLinks.SafeReturn(returnTo),
            [nameof(SignInPage.Error)] = error,
        }, cancellationToken);

    /// <summary>
    /// The sign-in page, and the one exchange of the dashboard key for a session cookie: posted from the page's form, or
    /// once from the address the local host prints, after which the browser is sent to a clean address at once. With
    /// App Service Authentication on, the platform signs HQ in and this page only sends the browser on.
    /// </summary>
    public async Task<IActionResult> SignInAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var isPost = HttpMethods.IsPost(request.Method);
        if (isPost && access.IsCrossSite(request))
        {
            return CrossSite();
        }

        string? key = request.Query[KeyParameter].FirstOrDefault();
        string? returnTo = request.Query[DashboardLinks.ReturnParameter].FirstOrDefault();
        if (isPost)
        {
            var (form, unreadable) = await ReadFormAsync(request, cancellationToken);
            if (form is null)
            {
                return await UnreadableFormAsync(DashboardLinks.SignedOut, unreadable, cancellationToken);
            }

            key = form[KeyParameter].FirstOrDefault();
            returnTo = form[DashboardLinks.ReturnParameter].FirstOrDefault();
        }

        var next = DashboardLinks.SafeReturn(returnTo);
        if (access.PlatformAuthenticationIsOn)
        {
            return new RedirectResult(next, permanent: false, preserveMethod: false);
        }

        if (!access.KeyIsSet)
        {
            return await RefusalAsync(request, access.Identify(request), cancellationToken);
        }

        if (string.IsNullOrEmpty(key))
        {
            return access.Identify(request) is { IsRefused: false } && !isPost
                ? new RedirectResult(next, permanent: false, preserveMethod: false)
                : await SignInPageAsync(isPost ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, next,
                    isPost ? "Type in HQ's dashboard key." : null, cancellationToken);
        }

        if (!access.KeyMatches(key))
        {
            return await SignInPageAsync(StatusCodes.Status401Unauthorized, next,
                "That is not HQ's dashboard key. Check it (it is case-sensitive) and try again, or ask IT for the current one.", cancellationToken);
        }

        sessions.Start(request, DashboardSessionKind.Key);
        return new RedirectResult(next, permanent: false, preserveMethod: false);
    }

    /// <summary>Ends the browser's key session (a POST from the dashboard's own page, with its token), then the sign-in page.</summary>
    public async Task<IActionResult> SignOutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        if ((await AdmitPostAsync(request, cancellationToken)).Refusal is { } refused)
        {
            return refused;
        }

        DashboardSessions.End(request.HttpContext.Response);
        return new RedirectResult(RouteUrl.Path(DashboardRoutes.SignIn), permanent: false, preserveMethod: false);
    }

    private Task<ContentResult> CampaignsPageAsync(
        int status, DashboardLinks links, IReadOnlyList<Campaign> all, CampaignSettings? form, string? error, CancellationToken cancellationToken) =>
        PageAsync<CampaignsPage>(status, new()
        {
            [nameof(CampaignsPage.Links)] = links,
            [nameof(CampaignsPage.Campaigns)] = all,
            [nameof(CampaignsPage.Form)] = form,
            [nameof(CampaignsPage.Error)] = error,
        }, cancellationToken);

    internal Task<ContentResult> ErrorPageAsync(int status, DashboardLinks links, string title, string message, CancellationToken cancellationToken) =>
        PageAsync<ErrorPage>(status, new()
        {
            [nameof(ErrorPage.Links)] = links,
            [nameof(ErrorPage.Title)] = title,
            [nameof(ErrorPage.Message)] = message,
        }, cancellationToken);

    internal async Task<ContentResult> PageAsync<TPage>(int status, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TPage : IComponent =>
        new() { StatusCode = status, Content = await pages.RenderAsync<TPage>(parameters, cancellationToken), ContentType = "text/html; charset=utf-8" };
}
