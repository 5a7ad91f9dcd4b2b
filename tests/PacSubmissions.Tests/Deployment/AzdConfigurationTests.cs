using System.Text.Json;
using System.Text.RegularExpressions;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Deployment;

/// <summary>azure.yaml and infra/main.parameters.json fit infra/main.bicep, so `azd up` neither prompts for nor drops a parameter.</summary>
public sealed partial class AzdConfigurationTests
{
    [LinuxFact]
    public async Task ParametersFileSetsEveryParameterAzdCannotFillItself()
    {
        using var template = JsonDocument.Parse(await BicepCli.BuildMainAsync());
        var parameters = template.RootElement.GetProperty("parameters").EnumerateObject().ToList();
        var mapped = MappedParameters();

        var unset = parameters
            .Where(p => !p.Value.TryGetProperty("defaultValue", out _) && !IsGeneratedByAzd(p.Value) && !mapped.Contains(p.Name))
            .Select(p => p.Name)
            .ToList();
        var unknown = mapped.Where(m => parameters.All(p => p.Name != m)).ToList();

        Assert.True(unset.Count == 0, $"infra/main.parameters.json does not map these parameters of main.bicep: {string.Join(", ", unset)}.");
        Assert.True(unknown.Count == 0, $"infra/main.parameters.json maps parameters main.bicep does not have: {string.Join(", ", unknown)}.");
    }

    [LinuxFact]
    public async Task NoDeploymentWritesTheLinkSigningSecretSoAReprovisionKeepsIt()
    {
        // A value in the template (a parameter, azd-generated or not) would be written again by every provision, from
        // whichever machine runs it: the postprovision hook makes the secret once instead, and the app only refers to it.
        var compiled = await BicepCli.BuildMainAsync();
        using var template = JsonDocument.Parse(compiled);
        var secrets = (await DeployedSettings.ResourcesAsync("Microsoft.KeyVault/vaults/secrets")).Select(e => e.GetProperty("name").ToString()).ToList();
        var settings = (await DeployedSettings.LoadAsync()).AppSettings;

        Assert.DoesNotContain(template.RootElement.GetProperty("parameters").EnumerateObject(), p => p.Name.Contains("signing", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(secrets);
        Assert.DoesNotContain(secrets, name => name.Contains("link-signing-secret", StringComparison.Ordinal));
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Links:SigningSecret"], StringComparison.Ordinal);
        Assert.Contains("link-signing-secret", compiled, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureYamlDeploysTheFunctionsProjectAndRunsHooksThatExist()
    {
        var root = RepositoryRoot.Find();
        var yaml = File.ReadAllText(Path.Combine(root, "azure.yaml"));

        var project = Assert.Single(ProjectLine().Matches(yaml)).Groups[1].Value.Trim();
        Assert.True(File.Exists(Path.Combine(root, project, "PacSubmissions.Functions.csproj")), $"azure.yaml deploys {project}, which is not the Functions project.");
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        var hooks = RunLine().Matches(yaml).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(4, hooks.Count);
        Assert.All(hooks, hook => Assert.True(File.Exists(Path.Combine(root, hook)), $"azure.yaml runs {hook}, which does not exist."));
    }

    private static bool IsGeneratedByAzd(JsonElement parameter) =>
        parameter.TryGetProperty("metadata", out var metadata)
        && metadata.TryGetProperty("azd", out var azd)
        && azd.TryGetProperty("type", out var type)
        && type.GetString() == "generate";

    private static HashSet<string> MappedParameters()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.parameters.json")));
        return file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s+project:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    [GeneratedRegex(@"^\s+run:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
