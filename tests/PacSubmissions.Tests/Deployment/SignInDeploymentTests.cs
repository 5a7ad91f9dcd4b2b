using System.Text.Json;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Deployment;

/// <summary>
/// App Service Authentication as the Bicep declares it (parameter hqSignInClientId): on only when asked for, every
/// anonymous HTTP route of the built functions.metadata left open, and the dashboard's group handed to the app.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SignInDeploymentTests
{
    private static async Task<JsonElement> AuthenticationAsync() =>
        Assert.Single(await DeployedSettings.ResourcesAsync("Microsoft.Web/sites/config"),
            e => e.GetProperty("name").ToString().Contains("authsettingsV2", StringComparison.Ordinal));

    [LinuxFact]
    public async Task SignInIsDeclaredBehindItsParameterAndRequiresAuthentication()
    {
        var authentication = await AuthenticationAsync();
        var validation = authentication.GetProperty("properties").GetProperty("globalValidation");

        Assert.Contains("hqSignInClientId", authentication.GetProperty("condition").GetString(), StringComparison.Ordinal);
        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("RedirectToLoginPage", validation.GetProperty("unauthenticatedClientAction").GetString());
        var provider = authentication.GetProperty("properties").GetProperty("identityProviders").GetProperty("azureActiveDirectory");
        Assert.Contains("hqGroupId", provider.GetProperty("validation").GetProperty("defaultAuthorizationPolicy").GetProperty("allowedPrincipals").GetProperty("groups").ToString(), StringComparison.Ordinal);
        Assert.Contains("Dashboard:HqGroupId", (await DeployedSettings.LoadAsync()).AppSettings.Keys);
    }

    [LinuxFact]
    public async Task EveryAnonymousRouteAndTheBlobWebhookStayOutsideSignIn()
    {
        var excluded = (await AuthenticationAsync()).GetProperty("properties").GetProperty("globalValidation").GetProperty("excludedPaths")
            .EnumerateArray().Select(p => p.GetString()!).ToList();
        var anonymous = CodeSettings.Discover().FunctionsMetadata.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger" && b.GetProperty("authLevel").GetString() == "Anonymous")
            .Select(b => b.GetProperty("route").GetString()!)
            // HQ's routes are anonymous to the Functions host only: the app authorises them itself, behind the sign-in.
            .Where(route => !route.StartsWith("dashboard", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(anonymous);
        foreach (var route in anonymous)
        {
            // upload/{token}/status/{id} → /api/upload/*: the path up to its first parameter, then anything; a route
            // without parameters (SendGrid's email/events) as it is.
            var parameter = route.IndexOf('{', StringComparison.Ordinal);
            Assert.Contains(parameter < 0 ? $"/api/{route}" : $"/api/{route[..parameter].TrimEnd('/')}/*", excluded);
        }

        Assert.Contains("/runtime/webhooks/blobs", excluded);
    }

    [Fact]
    public void HostJsonKeepsAspNetCoreLogsAtWarningSoNoQueryStringReachesApplicationInsights()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")));

        Assert.Equal("Warning", host.RootElement.GetProperty("logging").GetProperty("logLevel").GetProperty("Microsoft.AspNetCore").GetString());
    }
}
