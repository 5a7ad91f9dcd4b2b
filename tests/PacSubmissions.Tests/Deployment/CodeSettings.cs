using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacSubmissions.LocalHost;
using PacSubmissions.Storage;

namespace PacSubmissions.Tests.Deployment;

/// <summary>One options class the pipeline binds: its configuration section and every key under it.</summary>
public sealed record OptionsSection(Type Type, string Section, IReadOnlyList<string> Keys, IReadOnlyList<string> RequiredKeys);

/// <summary>
/// Every setting the code reads, found in the built code itself so that a function, binding or options class
/// added later is covered without touching this test: the trigger settings and connections in the built
/// functions.metadata, and the options classes <c>AddPacSubmissions</c> registers, by reflection.
/// </summary>
public sealed partial record CodeSettings(
    IReadOnlySet<string> Connections,
    IReadOnlySet<string> TriggerSettings,
    IReadOnlyList<OptionsSection> Options,
    JsonElement FunctionsMetadata)
{
    /// <summary>Keys under a connection name that the Functions host or StorageConnection read (identity-based connections).</summary>
    public static readonly string[] IdentityConnectionKeys =
        ["accountName", "credential", "clientId", "serviceUri", "blobServiceUri", "queueServiceUri", "tableServiceUri"];

    public static CodeSettings Discover()
    {
        var metadata = LoadFunctionsMetadata();
        var connections = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { StorageConnection.Name };
        var triggerSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var binding in metadata.EnumerateArray().SelectMany(f => f.GetProperty("bindings").EnumerateArray()))
        {
            foreach (var property in binding.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                if (property.NameEquals("connection"))
                {
                    connections.Add(property.Value.GetString()!);
                }

                foreach (Match match in SettingExpression().Matches(property.Value.GetString()!))
                {
                    triggerSettings.Add(match.Groups[1].Value);
                }
            }
        }

        return new CodeSettings(connections, triggerSettings, RegisteredOptions(), metadata);
    }

    /// <summary>Every key the code can read: connection keys, trigger settings and every options property (a list's items too).</summary>
    public bool Reads(string key) =>
        Connections.Any(c => key.Equals(c, StringComparison.OrdinalIgnoreCase)
            || IdentityConnectionKeys.Any(k => key.Equals($"{c}:{k}", StringComparison.OrdinalIgnoreCase)))
        || TriggerSettings.Contains(key)
        || Options.SelectMany(o => o.Keys).Any(k => key.Equals(k, StringComparison.OrdinalIgnoreCase)
            || key.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase));

    private static JsonElement LoadFunctionsMetadata()
    {
        var path = Path.Combine(RepositoryRoot.Find(), "src", "PacSubmissions.Functions", "bin",
            BicepCli.Metadata("BuildConfiguration"), "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"No {path}: the Functions project is built with the tests (a project reference); build the solution.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Options classes of the library that AddPacSubmissions binds, each with its <c>Section</c> constant.</summary>
    private static List<OptionsSection> RegisteredOptions()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddPacSubmissions(configuration);
        var library = typeof(StorageOptions).Assembly;
        return services
            .Select(d => d.ServiceType)
            .Where(t => t.IsConstructedGenericType && t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Assembly == library)
            .Distinct()
            .Select(Describe)
            .OrderBy(o => o.Section, StringComparer.Ordinal)
            .ToList();
    }

    private static OptionsSection Describe(Type type)
    {
        var section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        // An empty section means the class is bound from the configuration's root (TriggerOptions).
        Assert.False(section is null, $"{type.Name} is bound from configuration but has no public const string Section naming its section.");
        var keys = new List<string>();
        var required = new List<string>();
        AddKeys(type, section!, keys, required);
        return new OptionsSection(type, section!, keys, required);
    }

    private static void AddKeys(Type type, string prefix, List<string> keys, List<string> required)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}";
            if (IsScalar(property.PropertyType))
            {
                keys.Add(key);
                if (property.GetCustomAttribute<RequiredAttribute>() is not null)
                {
                    required.Add(key);
                }
            }
            else
            {
                AddKeys(property.PropertyType, key, keys, required);
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime)
            || underlying == typeof(Uri) || underlying == typeof(Guid) || typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying);
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingExpression();
}
