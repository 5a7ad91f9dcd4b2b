using System.Globalization;
using Microsoft.AspNetCore.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Dashboard;

/// <summary>
/// The dashboard's own URLs. Each carries the <c>code</c> the page was opened with, so a page opened with
/// <c>?code=KEY</c> keeps working link after link; a page reached through App Service Authentication has none to carry.
/// </summary>
public sealed record DashboardLinks(string? Code)
{
    public const string CodeParameter = "code";

    public static DashboardLinks For(HttpRequest request) =>
        new(request.Query[CodeParameter].FirstOrDefault() is { Length: > 0 } code ? code : null);

    public string Campaigns(params (string Name, string? Value)[] query) => Build("dashboard", query);

    public string Campaign(int year, params (string Name, string? Value)[] query) => Build($"dashboard/{Year(year)}", query);

    public string Centre(int year, string centre, params (string Name, string? Value)[] query) =>
        Build($"dashboard/{Year(year)}/centres/{Uri.EscapeDataString(centre)}", query);

    public string Download(int year, string centre, string submissionId) =>
        Build($"dashboard/{Year(year)}/centres/{Uri.EscapeDataString(centre)}/versions/{Uri.EscapeDataString(submissionId)}/download", []);

    public string Action(int year, string centre, string action) =>
        Build($"dashboard/{Year(year)}/centres/{Uri.EscapeDataString(centre)}/actions/{Uri.EscapeDataString(action)}", []);

    public string Audit(int year) => Build($"dashboard/{Year(year)}/audit", []);

    public string Export(int year, string name) => Build($"dashboard/{Year(year)}/export/{Uri.EscapeDataString(name)}", []);

    public string Asset(string name) => Build($"dashboard-assets/{Uri.EscapeDataString(name)}", []);

    private string Build(string path, (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => (q.Name, q.Value!)).ToList();
        if (Code is not null)
        {
            parts.Add((CodeParameter, Code));
        }

        var url = $"/{UploadRoutes.Prefix}/{path}";
        return parts.Count == 0 ? url : url + "?" + string.Join('&', parts.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
