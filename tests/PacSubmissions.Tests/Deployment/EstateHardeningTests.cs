using System.Text.Json;

namespace PacSubmissions.Tests.Deployment;

/// <summary>The rest of the estate as the compiled template deploys it: nothing an operator could weaken by a mistake.</summary>
[Trait("Category", "Slow")]
public sealed class EstateHardeningTests
{
    [LinuxFact]
    public async Task KeyVaultHasPurgeProtectionSoTheSigningSecretCannotBeLost()
    {
        var vault = Assert.Single(await DeployedSettings.ResourcesAsync("Microsoft.KeyVault/vaults")).GetProperty("properties");

        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
    }

    [LinuxFact]
    public async Task PublishingWithAUserNameAndPasswordIsOffForFtpAndScm()
    {
        var policies = await DeployedSettings.ResourcesAsync("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        // Names are ARM expressions such as [format('{0}/{1}', parameters('name'), 'ftp')].
        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => p.GetProperty("name").ToString().Contains("'ftp'", StringComparison.Ordinal));
        Assert.Contains(policies, p => p.GetProperty("name").ToString().Contains("'scm'", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }
}
