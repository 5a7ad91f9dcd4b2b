using System.Text;
using System.Text.RegularExpressions;

namespace PacSubmissions.Http;

/// <summary>
/// The one place URLs are made: from the route templates the function classes are bound to (<see cref="UploadRoutes"/>,
/// <see cref="DashboardRoutes"/>), each <c>{name}</c> or <c>{name:constraint}</c> filled with its value, escaped. A route
/// that changes changes every link to it, and a link that names a value its route does not have (or misses one) is a
/// programming error caught the first time it is built.
/// </summary>
public static partial class RouteUrl
{
    /// <summary>The Functions host's default route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string Prefix = "api";

    /// <summary>The path of <paramref name="template"/> with <paramref name="values"/>: <c>/api/…</c>, each value escaped as a path segment.</summary>
    public static string Path(string template, params (string Name, string Value)[] values)
    {
        var unused = values.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var path = Parameter().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            var found = values.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault()
                ?? throw new ArgumentException($"The route {template} needs a value for {{{name}}}.", nameof(values));
            unused.Remove(name);
            return Uri.EscapeDataString(found);
        });
        return unused.Count == 0
            ? $"/{Prefix}/{path}"
            : throw new ArgumentException($"The route {template} has no {{{string.Join("}, {", unused)}}}.", nameof(values));
    }

    /// <summary><paramref name="path"/> with the query parameters that have a value, each escaped; the path alone when none has.</summary>
    public static string WithQuery(string path, IEnumerable<(string Name, string? Value)> query)
    {
        var url = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in query.Where(q => !string.IsNullOrEmpty(q.Value)))
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value!));
            separator = '&';
        }

        return url.ToString();
    }

    /// <summary>The absolute URL of a path <see cref="Path"/> made, under the address the app is reached at (<c>Links:PublicBaseUrl</c>).</summary>
    public static Uri Absolute(string publicBaseUrl, string path) => new(publicBaseUrl.TrimEnd('/') + path);

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
