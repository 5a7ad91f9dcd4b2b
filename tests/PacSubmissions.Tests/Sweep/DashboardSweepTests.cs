using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Dashboard;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// HQ's dashboard and export routes with hostile ids and query strings: 401 without the key, a 4xx (or the page, when
/// the hostile part is only a filter) with it, never a 5xx. {year} is the site's campaign year, {centre} its centre.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DashboardSweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    private static readonly string Long = new('a', 5000);

    /// <summary>Method, path, status without the key, status with it. Paths that match no route are 404 either way.</summary>
    public static TheoryData<string, string, int, int> Cases => new()
    {
        { "GET", "/api/dashboard?year=%3Cscript%3E", 401, 200 },
        { "GET", "/api/dashboard?year=99999999999999999999", 401, 200 },
        { "GET", "/api/dashboard/abc", 404, 404 },
        { "GET", "/api/dashboard/99999999999", 404, 404 },
        { "GET", "/api/dashboard/-5", 401, 404 },
        { "GET", $"/api/dashboard/{{year}}?state=%3Cx%3E&q={Long}&sort=..%2F..&dir=sideways", 401, 200 },
        { "GET", "/api/dashboard/{year}/centres/..%2F..%2Fetc", 401, 404 },
        { "GET", $"/api/dashboard/{{year}}/centres/{Long}", 401, 404 },
        { "GET", "/api/dashboard/{year}/centres/x'%20or%20'1'%3D'1", 401, 404 },
        { "GET", "/api/dashboard/{year}/centres/{centre}?notice=%3Cscript%3E&link=javascript:alert(1)", 401, 200 },
        { "GET", "/api/dashboard/{year}/centres/a%2Fb/versions/20300101T000000000Z-0123abcd/download", 401, 404 },
        { "GET", "/api/dashboard/{year}/centres/x'y/versions/20300101T000000000Z-0123abcd/download", 401, 404 },
        { "GET", "/api/dashboard/{year}/centres/a%5Cb/versions/20300101T000000000Z-0123abcd/download", 401, 404 },
        { "GET", $"/api/dashboard/{{year}}/centres/{Long}/versions/20300101T000000000Z-0123abcd/download", 401, 404 },
        { "GET", "/api/dashboard/{year}/centres/{centre}/versions/..%2F..%2Fx/download", 401, 404 },
        { "GET", "/api/dashboard/{year}/centres/{centre}/versions/20300101T000000000Z-0123abcd/download", 401, 404 },
        { "POST", "/api/dashboard/{year}/centres/{centre}/actions/..%2Fdelete", 401, 400 },
        { "POST", "/api/dashboard/{year}/centres/zz-none/actions/resend-link", 401, 404 },
        { "POST", "/api/dashboard/-1/centres/{centre}/actions/resend-link", 401, 404 },
        { "GET", "/api/dashboard/-1/audit", 401, 404 },
        { "GET", "/api/dashboard/{year}/export/..%2F..%2Fx", 401, 404 },
        { "GET", $"/api/dashboard/{{year}}/export/{Long}", 401, 404 },
        { "GET", "/api/dashboard/-1/export/table.csv", 401, 404 },
        { "GET", "/api/dashboard/centres?notice=%3Cscript%3Ealert(1)%3C%2Fscript%3E", 401, 200 },
        { "GET", "/api/dashboard/centres/..%2F..%2Fetc/edit", 401, 404 },
        { "GET", $"/api/dashboard/centres/{Long}/edit", 401, 404 },
        { "GET", "/api/dashboard/centres/x'%20or%20'1'%3D'1/edit", 401, 404 },
        { "POST", "/api/dashboard/centres/zz-none/edit", 401, 404 },
        { "POST", "/api/dashboard/centres/zz-none/active", 401, 404 },
        { "POST", "/api/dashboard/centres/{centre}/active", 401, 400 },
        { "POST", "/api/dashboard/centres/new", 401, 400 },
        { "POST", "/api/dashboard/centres/import", 401, 400 },
        { "POST", "/api/dashboard/centres/import/apply", 401, 400 },
        { "GET", "/api/dashboard/{year}/questions/..%2F..%2Fx", 401, 404 },
        { "GET", $"/api/dashboard/{{year}}/questions/{Long}", 401, 404 },
        { "GET", "/api/dashboard/{year}/questions/%3Cscript%3E", 401, 404 },
        { "GET", "/api/dashboard/-1/questions/standards", 401, 404 },
        { "GET", "/api/dashboard/-1/answers", 401, 404 },
        { "GET", "/api/dashboard/-1/progress", 401, 404 },
        { "GET", "/api/dashboard-assets/..%2F..%2Fappsettings.json", 404, 404 },
        { "GET", "/api/upload-assets/..%2F..%2Fappsettings.json", 404, 404 },
    };

    /// <summary>Forms the dashboard's POST routes cannot read: the form parser's limits, a multipart form without a boundary.</summary>
    public static TheoryData<string, string> BrokenForms => new()
    {
        { "/api/dashboard", "too many fields" },
        { "/api/dashboard", "multipart without a boundary" },
        { "/api/dashboard/{year}/centres/{centre}/actions/extend", "too many fields" },
        { "/api/dashboard/{year}/centres/{centre}/actions/extend", "multipart without a boundary" },
        { "/api/dashboard/centres/new", "too many fields" },
        { "/api/dashboard/centres/import", "multipart without a boundary" },
        { "/api/dashboard/centres/import/apply", "too many fields" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileDashboardRequestGetsA4xxNever500(string method, string path, int withoutKey, int withKey)
    {
        var url = Fill(path);

        using var anonymous = await sweep.Site.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        using var keyed = await sweep.Site.Client.SendAsync(Keyed(method, url));

        Assert.Equal(withoutKey, (int)anonymous.StatusCode);
        Assert.Equal(withKey, (int)keyed.StatusCode);
        var page = await keyed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task UnreadableFormGets400(string path, string kind)
    {
        var request = Keyed("POST", Fill(path));
        request.Content = kind == "too many fields"
            ? new ByteArrayContent(Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=v"))))
            : new ByteArrayContent(Encoding.ASCII.GetBytes("deadline=2030-01-01"));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", kind == "too many fields" ? "application/x-www-form-urlencoded" : "multipart/form-data");

        using var response = await sweep.Site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be read", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await sweep.Site.Server.Get<AuditLog>().ListAsync(sweep.Site.Campaign.Year, null, CancellationToken.None));
        Assert.Single(await sweep.Site.Server.Get<CampaignStore>().ListAsync(CancellationToken.None));
    }

    private string Fill(string path) => path
        .Replace("{year}", sweep.Site.Campaign.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{centre}", sweep.Site.Centre.Id, StringComparison.Ordinal);

    private HttpRequestMessage Keyed(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add(DashboardAccess.KeyHeader, sweep.Site.Server.Get<IOptions<DashboardOptions>>().Value.Key);
        return request;
    }
}
