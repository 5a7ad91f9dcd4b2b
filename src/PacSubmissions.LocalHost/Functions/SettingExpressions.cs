using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>Resolves <c>%Setting%</c> in trigger attributes from configuration, as the Functions host does.</summary>
internal static partial class SettingExpressions
{
    public static string Resolve(string expression, IConfiguration configuration) =>
        SettingPattern().Replace(expression, match =>
            configuration[match.Groups[1].Value] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"'{expression}' names the setting {match.Groups[1].Value}, which is not set."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingPattern();
}
