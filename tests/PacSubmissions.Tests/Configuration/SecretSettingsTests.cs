using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PacSubmissions.LocalHost;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Configuration;

/// <summary>
/// The app does not start with a secret it must not run with: a Key Vault reference the platform could not resolve
/// (its text would sign the links), or, outside Development, a sample secret anyone can read in this repository.
/// </summary>
public sealed class SecretSettingsTests
{
    private const string UnresolvedReference = "@Microsoft.KeyVault(SecretUri=https://kv-pac.vault.azure.net/secrets/link-signing-secret)";

    private static async Task<Exception?> StartAsync(string environment, Action<Dictionary<string, string?>> change)
    {
        var settings = TestSettings.Create("UseDevelopmentStorage=true", TestStorageNames.Unique(), "/tmp/unused-outbox");
        change(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPacSubmissions(builder.Configuration);
        // Only option validation is under test: no storage is touched.
        builder.Services.RemoveAll<IHostedService>();
        using var host = builder.Build();
        return await Record.ExceptionAsync(() => host.StartAsync());
    }

    [Theory]
    [InlineData("Links:SigningSecret")]
    [InlineData("Email:SendGridApiKey")]
    public async Task UnresolvedKeyVaultReferenceStopsTheAppNamingTheSetting(string setting)
    {
        var error = await StartAsync(Environments.Production, s => s[setting] = UnresolvedReference);

        var failure = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains($"{setting} is still the Key Vault reference", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnresolvedKeyVaultReferenceIsRefusedInDevelopmentToo()
    {
        var error = await StartAsync(Environments.Development, s => s["Links:SigningSecret"] = UnresolvedReference);

        Assert.IsType<OptionsValidationException>(error);
    }

    [Theory]
    [MemberData(nameof(SampleSecrets))]
    public async Task SampleSigningSecretStopsTheAppOutsideDevelopment(string sample)
    {
        var error = await StartAsync(Environments.Production, s => s["Links:SigningSecret"] = sample);

        var failure = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Links:SigningSecret is the sample secret", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleSecrets))]
    public async Task SampleSigningSecretIsAcceptedInDevelopment(string sample)
    {
        var error = await StartAsync(Environments.Development, s => s["Links:SigningSecret"] = sample);

        Assert.Null(error);
    }

    [Fact]
    public async Task AnOwnSecretStartsInProduction()
    {
        Assert.Null(await StartAsync(Environments.Production, _ => { }));
    }

    /// <summary>The signing secrets the repository's settings files carry, read from the files themselves.</summary>
    public static TheoryData<string> SampleSecrets()
    {
        var root = RepositoryRoot.Find();
        var localHost = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "PacSubmissions.LocalHost", "appsettings.json")));
        var functions = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "PacSubmissions.Functions", "local.settings.sample.json")));
        string[] found =
        [
            localHost.RootElement.GetProperty("Links").GetProperty("SigningSecret").GetString()!,
            functions.RootElement.GetProperty("Values").GetProperty("Links__SigningSecret").GetString()!,
        ];
        // The validator's list is the files' list: a sample secret changed in a file but not there would slip through.
        Assert.Equal(found.Order(StringComparer.Ordinal), LinkOptions.SampleSigningSecrets.Order(StringComparer.Ordinal));
        return [.. found];
    }
}
