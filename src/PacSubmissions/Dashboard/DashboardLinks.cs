using System.Globalization;

namespace PacSubmissions.Dashboard;

/// <summary>
/// The dashboard's own URLs, made by <see cref="RouteUrl"/> from the <see cref="DashboardRoutes"/> the function classes
/// are bound to. None carries a credential: the session is in an HttpOnly cookie. <see cref="Antiforgery"/> is the token
/// every form of the page carries in a hidden field (null on a page for someone not signed in, which has no form to post
/// but the sign-in); <see cref="CanSignOut"/> offers the sign-out button (a session of the dashboard key's).
/// </summary>
public sealed record DashboardLinks(string? Antiforgery, bool CanSignOut = false)
{
    /// <summary>The links of a page shown to someone not (yet) let in.</summary>
    public static readonly DashboardLinks SignedOut = new((string?)null);

    public const string ReturnParameter = "return";

    // The pages reach every URL through their Links, the one object that also carries their forms' token; no URL needs
    // the instance any more (none carries a credential), but a page's links stay where its forms' token is.
#pragma warning disable CA1822
    public string Campaigns(params (string Name, string? Value)[] query) => Build(RouteUrl.Path(DashboardRoutes.Campaigns), query);

    public string Campaign(int year, params (string Name, string? Value)[] query) =>
        Build(RouteUrl.Path(DashboardRoutes.Campaign, Year(year)), query);

    public string Centre(int year, string centre, params (string Name, string? Value)[] query) =>
        Build(RouteUrl.Path(DashboardRoutes.Centre, Year(year), ("centre", centre)), query);

    public string Download(int year, string centre, string submissionId, params (string Name, string? Value)[] query) =>
        Build(RouteUrl.Path(DashboardRoutes.Download, Year(year), ("centre", centre), ("submissionId", submissionId)), query);

    public string Action(int year, string centre, string action) =>
        Build(RouteUrl.Path(DashboardRoutes.Action, Year(year), ("centre", centre), ("action", action)), []);

    public string Audit(int year) => Build(RouteUrl.Path(DashboardRoutes.Audit, Year(year)), []);

    public string Export(int year, string name) => Build(RouteUrl.Path(DashboardRoutes.Export, Year(year), ("name", name)), []);

    public string Messages(int year, params (string Name, string? Value)[] query) => Build(RouteUrl.Path(DashboardRoutes.Messages, Year(year)), query);

    public string Invitations(int year) => Build(RouteUrl.Path(DashboardRoutes.Invitations, Year(year)), []);

    public string Answers(int year) => Build(RouteUrl.Path(DashboardRoutes.Answers, Year(year)), []);

    public string Progress(int year) => Build(RouteUrl.Path(DashboardRoutes.Progress, Year(year)), []);

    public string Question(int year, string question) => Build(RouteUrl.Path(DashboardRoutes.Question, Year(year), ("question", question)), []);

    public string Asset(string name) => Build(RouteUrl.Path(DashboardRoutes.Asset, ("name", name)), []);

    public string SignIn() => RouteUrl.Path(DashboardRoutes.SignIn);

    public string SignOut() => RouteUrl.Path(DashboardRoutes.SignOut);

    public string Register(params (string Name, string? Value)[] query) => Build(RouteUrl.Path(DashboardRoutes.Register), query);

    public string RegisterAdd() => RouteUrl.Path(DashboardRoutes.RegisterAdd);

    public string RegisterEdit(string centre) => RouteUrl.Path(DashboardRoutes.RegisterEdit, ("centre", centre));

    public string RegisterActive(string centre) => RouteUrl.Path(DashboardRoutes.RegisterActive, ("centre", centre));

    public string RegisterImport() => RouteUrl.Path(DashboardRoutes.RegisterImport);

    public string RegisterApply() => RouteUrl.Path(DashboardRoutes.RegisterApply);
#pragma warning restore CA1822

    /// <summary>
    /// Where sign-in may send the browser on: a dashboard path (and its query) as it came, or the campaigns page. Nothing
    /// else, so a link to the sign-in page cannot forward HQ to another site (<c>//evil.example</c>, <c>/\evil</c>) or out of the dashboard (<c>../</c>).
    /// </summary>
    public static string SafeReturn(string? asked)
    {
        var home = RouteUrl.Path(DashboardRoutes.Campaigns);
        if (string.IsNullOrEmpty(asked) || !asked.StartsWith(home, StringComparison.Ordinal)
            || asked.Length > home.Length && asked[home.Length] is not ('/' or '?')
            || asked.Contains("//", StringComparison.Ordinal) || asked.Contains('\\', StringComparison.Ordinal)
            || asked.Contains("..", StringComparison.Ordinal) || asked.Contains("%2e", StringComparison.OrdinalIgnoreCase)
            || asked.Any(char.IsControl) || asked.StartsWith(SignInPath(), StringComparison.Ordinal))
        {
            return home;
        }

        return asked;
    }

    private static string SignInPath() => RouteUrl.Path(DashboardRoutes.SignIn);

    private static string Build(string path, (string Name, string? Value)[] query) => RouteUrl.WithQuery(path, query);

    private static (string, string) Year(int year) => ("year", year.ToString(CultureInfo.InvariantCulture));
}
