using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PacSubmissions.Dashboard;

/// <summary>
/// The dashboard's own URLs, made by <see cref="RouteUrl"/> from the <see cref="DashboardRoutes"/> the function classes
/// are bound to. Each carries the <c>code</c> the page was opened with, so a page opened with <c>?code=KEY</c> keeps
/// working link after link; a page reached through App Service Authentication has none to carry.
/// </summary>
public sealed record DashboardLinks(string? Code)
{
    public const string CodeParameter = "code";

    public static DashboardLinks For(HttpRequest request) =>
        new(request.Query[CodeParameter].FirstOrDefault() is { Length: > 0 } code ? code : null);

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

    public string Asset(string name) => Build(RouteUrl.Path(DashboardRoutes.Asset, ("name", name)), []);

    private string Build(string path, (string Name, string? Value)[] query) =>
        RouteUrl.WithQuery(path, query.Append((CodeParameter, Code)));

    private static (string, string) Year(int year) => ("year", year.ToString(CultureInfo.InvariantCulture));
}
