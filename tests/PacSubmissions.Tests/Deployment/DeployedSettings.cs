using System.Text.Json;

namespace PacSubmissions.Tests.Deployment;

/// <summary>What infra/main.bicep deploys, read from its compiled ARM template: the Function App's app settings and the tables.</summary>
public sealed record DeployedSettings(IReadOnlyDictionary<string, string> AppSettings, IReadOnlySet<string> Tables)
{
    /// <summary>App settings by configuration key (<c>Email__From</c> becomes <c>Email:From</c>); values are ARM expressions.</summary>
    public static async Task<DeployedSettings> LoadAsync()
    {
        using var template = JsonDocument.Parse(await BicepCli.BuildMainAsync());
        var sites = Descendants(template.RootElement)
            .Where(e => e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("type", out var type) && type.GetString() == "Microsoft.Web/sites")
            .ToList();
        var site = Assert.Single(sites);

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in site.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray())
        {
            var name = setting.GetProperty("name").GetString()!;
            Assert.False(name.StartsWith('['), $"App setting names must be literal so they can be checked; found {name}.");
            Assert.True(settings.TryAdd(ConfigurationKey(name), setting.GetProperty("value").ToString()), $"{name} is set twice.");
        }

        var tables = Descendants(template.RootElement)
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("tableNames", out var t) && t.ValueKind == JsonValueKind.Array)
            .SelectMany(e => e.GetProperty("tableNames").EnumerateArray().Select(t => t.GetString()!))
            .ToHashSet(StringComparer.Ordinal);
        return new DeployedSettings(settings, tables);
    }

    /// <summary>Every resource of one type the compiled template deploys, its modules' included.</summary>
    public static async Task<List<JsonElement>> ResourcesAsync(string type)
    {
        using var template = JsonDocument.Parse(await BicepCli.BuildMainAsync());
        return [.. Descendants(template.RootElement)
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == type)
            .Select(e => e.Clone())];
    }

    public static string ConfigurationKey(string appSettingName) => appSettingName.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>The element and everything under it, depth first (a module's nested template included).</summary>
    public static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }
}
