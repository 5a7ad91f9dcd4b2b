using System.Net;
using System.Text;
using System.Text.Json;
using PacSubmissions.Audit;
using PacSubmissions.Dashboard;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// HQ signs in as a person when App Service Authentication is on: the dashboard and the exports then need a signed-in
/// member of HQ's group and the audit log names them; with it off, a principal header is only what a caller typed.
/// The headers are set here as App Service sets them (X-MS-CLIENT-PRINCIPAL: base64 JSON of the token's claims).
/// </summary>
public sealed class DashboardSignInTests
{
    public const string HqGroup = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
    private const string Actions = "/api/dashboard/2030/centres/kz-almaty/actions/";

    /// <summary>What the platform sets with its authentication on, and HQ's group as the Bicep sets it.</summary>
    public static Dictionary<string, string?> PlatformSignIn => new()
    {
        [DashboardAccess.PlatformAuthenticationSetting] = "true",
        [DashboardOptions.HqGroupIdSetting] = HqGroup,
    };

    internal static void SignIn(DashboardSite site, string name, params string[] groups)
    {
        var principal = new
        {
            auth_typ = "aad",
            name_typ = "preferred_username",
            role_typ = "roles",
            claims = groups.Select(g => new { typ = "groups", val = g }).Append(new { typ = "preferred_username", val = name }),
        };
        var headers = site.Server.Client.DefaultRequestHeaders;
        headers.Add(DashboardAccess.PrincipalHeader, Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal))));
        headers.Add(DashboardAccess.PrincipalNameHeader, name);
    }

    [Fact]
    public async Task WithoutPlatformAuthenticationAPrincipalHeaderFromTheCallerIsIgnored()
    {
        await using var site = await DashboardSite.StartAsync();
        SignIn(site, "forged@elsewhere.example", HqGroup);

        using var response = await site.PostAsync(Actions + DashboardActions.CopyLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None));
        Assert.Equal(DashboardAccess.SharedKey, entry.Who);
    }

    [Fact]
    public async Task SignedInPersonOutsideHqsGroupIsRefusedAndNothingIsDone()
    {
        await using var site = await DashboardSite.StartAsync(PlatformSignIn);
        SignIn(site, "visitor@ifla.example", "0a0a0a0a-0000-4000-8000-000000000000");

        using var page = await site.GetAsync("/api/dashboard/2030");
        using var action = await site.PostAsync(Actions + DashboardActions.CopyLink);
        using var export = await site.GetAsync("/api/dashboard/2030/export/table.csv");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("visitor@ifla.example, who is not a member of HQ", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, action.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
    }

    [Fact]
    public async Task WithPlatformAuthenticationNobodySignedInGetsNoDashboardButTheUploadPageStaysOpen()
    {
        await using var site = await DashboardSite.StartAsync(PlatformSignIn);
        var link = site.Get<UploadLinks>().CreateUrl(DashboardSite.Almaty.Id, site.Campaign);

        using var page = await site.GetAsync("/api/dashboard");
        using var upload = await site.Server.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("Sign in with your IFLA Microsoft account", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
    }

    [Fact]
    public async Task WithPlatformAuthenticationButNoHqGroupConfiguredTheDashboardNamesTheMissingSetting()
    {
        var settings = PlatformSignIn;
        settings[DashboardOptions.HqGroupIdSetting] = "";
        await using var site = await DashboardSite.StartAsync(settings);
        SignIn(site, "officer@ifla.example", HqGroup);

        using var page = await site.GetAsync("/api/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains(DashboardOptions.HqGroupIdSetting, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
