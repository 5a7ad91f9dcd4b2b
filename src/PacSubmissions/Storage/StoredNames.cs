using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PacSubmissions.Storage;

/// <summary>
/// The one conversion between a state enum and the string a table column, a CLI line or a JSON field keeps it as:
/// kebab case (<c>FailedPermanently</c> is <c>failed-permanently</c>, <c>NotChecked</c> is <c>not-checked</c>), the
/// spelling the tables held before the states were typed, so existing rows and backups read unchanged.
/// </summary>
public static class StoredNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    /// <summary>
    /// The state a stored name stands for. Case is ignored, and the enum's own spelling is taken too (rows written by hand
    /// or by an older tool); anything else is an error naming what was found and what is allowed.
    /// </summary>
    public static TEnum Parse<TEnum>(string? stored, string where) where TEnum : struct, Enum
    {
        if (stored is not null && Names<TEnum>.ByName.TryGetValue(stored, out var value))
        {
            return value;
        }

        throw new InvalidDataException(
            $"{where} has '{stored}', which is none of {string.Join(", ", Enum.GetValues<TEnum>().Select(Of))}.");
    }

    /// <summary>The same spelling in JSON (the upload status endpoint, which the page's script reads), numbers refused.</summary>
    public sealed class JsonConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
        where TEnum : struct, Enum;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        /// <summary>The stored names and the enum's own, in any case; not numbers or comma lists, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would take.</summary>
        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue
            .SelectMany(p => new[] { (Name: p.Value, Value: p.Key), (Name: p.Key.ToString(), Value: p.Key) })
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }
}
