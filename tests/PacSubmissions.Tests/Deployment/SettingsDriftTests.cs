using System.Reflection;
using System.Text.Json;
using PacSubmissions.Storage;

namespace PacSubmissions.Tests.Deployment;

/// <summary>
/// The Bicep and the code agree on the app settings, both ways: what the code needs, infra/modules/functionapp.bicep sets;
/// what it sets, the code (or the Functions platform) reads. Both sides are discovered, not listed here.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SettingsDriftTests
{
    /// <summary>The platform's own Application Insights settings: the host reads them, and the worker's telemetry (WorkerTelemetry) too.</summary>
    private static readonly string[] PlatformSettings =
        ["APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];

    /// <summary>Flex Consumption refuses these (the runtime is in functionAppConfig), and a shared-key connection string is off.</summary>
    private static readonly string[] RejectedSettings =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_NODE_DEFAULT_VERSION", StorageConnection.Name,
    ];

    [LinuxFact]
    public async Task EverySettingTheCodeNeedsIsSetByTheBicep()
    {
        var code = CodeSettings.Discover();
        var deployed = await DeployedSettings.LoadAsync();
        var set = deployed.AppSettings.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = new List<string>();
        foreach (var connection in code.Connections)
        {
            // An identity-based connection is named by its account (or service URI) under the connection's name.
            if (!set.Contains($"{connection}:accountName") && !set.Contains($"{connection}:serviceUri") && !set.Contains($"{connection}:blobServiceUri"))
            {
                missing.Add($"{connection}__accountName (connection {connection})");
            }
        }

        missing.AddRange(code.TriggerSettings.Where(s => !set.Contains(s)).Select(s => $"{s} (%{s}% in a trigger)"));
        missing.AddRange(code.Options.SelectMany(o => o.RequiredKeys).Where(k => !set.Contains(k)).Select(k => $"{k} (required by its options class)"));

        Assert.True(missing.Count == 0,
            "infra/modules/functionapp.bicep does not set these settings the code needs (as Section__Name app settings):\n  "
            + string.Join("\n  ", missing.Distinct()));
    }

    [LinuxFact]
    public async Task EveryAppSettingTheBicepSetsIsReadByTheCodeOrThePlatform()
    {
        var code = CodeSettings.Discover();
        var deployed = await DeployedSettings.LoadAsync();

        var stray = deployed.AppSettings.Keys
            .Where(k => !code.Reads(k) && !PlatformSettings.Contains(k, StringComparer.OrdinalIgnoreCase))
            .ToList();

        Assert.True(stray.Count == 0,
            "infra/modules/functionapp.bicep sets settings nothing reads (renamed or removed in the code?):\n  " + string.Join("\n  ", stray));
    }

    [LinuxFact]
    public async Task StorageConnectionIsIdentityBasedWithTheAppsOwnIdentity()
    {
        var settings = (await DeployedSettings.LoadAsync()).AppSettings;

        Assert.Contains($"{StorageConnection.Name}:accountName", settings.Keys);
        Assert.Equal("managedidentity", settings[$"{StorageConnection.Name}:credential"]);
        Assert.Contains("identityClientId", settings[$"{StorageConnection.Name}:clientId"], StringComparison.Ordinal);
        Assert.Empty(settings.Keys.Intersect(RejectedSettings, StringComparer.OrdinalIgnoreCase));
    }

    [LinuxFact]
    public async Task SecretsAreKeyVaultReferences()
    {
        var code = CodeSettings.Discover();
        var settings = (await DeployedSettings.LoadAsync()).AppSettings;
        var secretKeys = code.Options.SelectMany(o => o.Keys)
            .Where(k => k.Contains("Secret", StringComparison.OrdinalIgnoreCase)
                || k.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)
                || k.Contains("Password", StringComparison.OrdinalIgnoreCase))
            .Where(settings.ContainsKey)
            .ToList();

        Assert.NotEmpty(secretKeys);
        foreach (var key in secretKeys)
        {
            Assert.True(settings[key].Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal),
                $"{key} holds a secret: set it as a Key Vault reference, not as {settings[key]}.");
        }
    }

    [LinuxFact]
    public async Task EveryTableTheCodeNamesIsDeclared()
    {
        var tables = typeof(PacStorage).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Table", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var declared = (await DeployedSettings.LoadAsync()).Tables;

        Assert.NotEmpty(tables);
        Assert.True(tables.All(declared.Contains),
            $"infra/modules/storage.bicep's tableNames lacks: {string.Join(", ", tables.Where(t => !declared.Contains(t)))}.");
    }

    [Fact]
    public void DiscoveryFindsTheTriggersConnectionAndOptionsOfTheBuiltCode()
    {
        var code = CodeSettings.Discover();

        Assert.Contains(TriggerOptions.ReportsContainerSetting, code.TriggerSettings);
        Assert.Contains(TriggerOptions.ReminderScheduleSetting, code.TriggerSettings);
        Assert.Contains(StorageConnection.Name, code.Connections);
        var sections = code.Options.Select(o => o.Section).ToList();
        Assert.Superset(new HashSet<string>(["Storage", "Links", "Upload", "Email", "Reports", TriggerOptions.Section]), sections.ToHashSet());
        Assert.Contains("Links:SigningSecret", code.Options.Single(o => o.Section == "Links").RequiredKeys);
        Assert.DoesNotContain("Email:FromName", code.Options.Single(o => o.Section == "Email").RequiredKeys);
    }

    [Fact]
    public void ProcessReportTakesBlobEventsFromEventGrid()
    {
        // Flex Consumption supports only the Event Grid source for blob triggers.
        var binding = CodeSettings.Discover().FunctionsMetadata.EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == "ProcessReport")
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString() == "blobTrigger");

        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
    }
}
