using System.Text.RegularExpressions;

namespace PacSubmissions.Centres;

/// <summary>
/// The one rule for a centre's id, which the register, its CSV, upload links, blob names, dashboard addresses and
/// <c>pac</c> all check by: it is part of table keys, blob names and URLs, so it holds only what all of them take as is.
/// </summary>
public static partial class CentreId
{
    /// <summary>The rule in words, for every message that refuses an id.</summary>
    public const string Rule = "use 2-40 lower-case letters, digits and hyphens, beginning and ending with a letter or digit (e.g. kz-almaty)";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>Why <paramref name="id"/> is not a centre id, or null when it is one.</summary>
    public static string? Problem(string? id) =>
        IsValid(id) ? null
        : string.IsNullOrEmpty(id) ? "The centre id is empty."
        : $"'{id}' is not a centre id: {Rule}.";

    // \z, not $: "$" also matches before a final line break, and "kz-almaty\n" is no id.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
