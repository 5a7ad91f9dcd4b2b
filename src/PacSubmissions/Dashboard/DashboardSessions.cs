using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PacSubmissions.Upload;

namespace PacSubmissions.Dashboard;

/// <summary>One browser's time at the dashboard: the random id its cookie carries, and when the cookie stops working.</summary>
public sealed record DashboardSession(string Id, DateTimeOffset ExpiresAt);

/// <summary>What a session cookie stands for: the dashboard key was given at sign-in, or the platform signed the person in.</summary>
public enum DashboardSessionKind
{
    /// <summary>Given out at the sign-in page for the dashboard key: it is the credential.</summary>
    Key,

    /// <summary>Given out to a person App Service Authentication let in: it only anchors the antiforgery token.</summary>
    Platform,
}

/// <summary>
/// The dashboard's session cookie and the antiforgery token bound to it. The cookie is <c>id.expiry.signature</c>,
/// HMAC-SHA256 with a key derived from <c>Links:SigningSecret</c>, the session's kind and <c>Dashboard:Key</c> (so a
/// changed key ends every key session); it is HttpOnly, SameSite=Strict, Secure over HTTPS and sent only to the
/// dashboard's paths. Nothing is stored: the cookie proves itself. The antiforgery token every dashboard form carries
/// is an HMAC of the session's id, compared in constant time.
/// </summary>
public sealed class DashboardSessions(IOptions<LinkOptions> links, IOptions<DashboardOptions> options, TimeProvider clock)
{
    public const string CookieName = "pac-hq-session";
    public const string AntiforgeryField = "csrf";

    /// <summary>How long a sign-in lasts: a working day, after which the key is asked for again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Whether <paramref name="given"/> is the dashboard key; false when none is set. Constant-time, whatever its length.</summary>
    public bool KeyMatches(string? given)
    {
        var key = options.Value.Key;
        return key.Length > 0 && !string.IsNullOrEmpty(given)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A new session, its cookie set on the response.</summary>
    public DashboardSession Start(HttpRequest request, DashboardSessionKind kind)
    {
        var session = new DashboardSession(Base64Url(RandomNumberGenerator.GetBytes(18)), clock.GetUtcNow() + Lifetime);
        var value = string.Create(CultureInfo.InvariantCulture, $"{session.Id}.{session.ExpiresAt.ToUnixTimeSeconds()}");
        request.HttpContext.Response.Cookies.Append(CookieName, $"{value}.{Base64Url(Mac(kind, "session|" + value))}", new CookieOptions
        {
            HttpOnly = true,
            Secure = request.IsHttps || links.Value.PublicBaseUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            SameSite = SameSiteMode.Strict,
            Path = RouteUrl.Path(DashboardRoutes.Campaigns),
            MaxAge = Lifetime,
            IsEssential = true,
        });
        return session;
    }

    /// <summary>The session the request's cookie proves, or null when there is none, it is forged, of another kind or expired.</summary>
    public DashboardSession? Find(HttpRequest request, DashboardSessionKind kind)
    {
        var parts = request.Cookies[CookieName]?.Split('.');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix)
            || expiresUnix > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Base64Url(Mac(kind, $"session|{parts[0]}.{parts[1]}")));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(parts[2])) && clock.GetUtcNow() < expiresAt
            ? new DashboardSession(parts[0], expiresAt)
            : null;
    }

    /// <summary>Tells the browser to forget its session cookie.</summary>
    public static void End(HttpResponse response) =>
        response.Cookies.Delete(CookieName, new CookieOptions { Path = RouteUrl.Path(DashboardRoutes.Campaigns), HttpOnly = true, SameSite = SameSiteMode.Strict });

    public string AntiforgeryToken(DashboardSession session, DashboardSessionKind kind) => Base64Url(Mac(kind, "antiforgery|" + session.Id));

    public bool AntiforgeryHolds(DashboardSession session, DashboardSessionKind kind, string? given) =>
        !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(AntiforgeryToken(session, kind)), Encoding.UTF8.GetBytes(given));

    private byte[] Mac(DashboardSessionKind kind, string message)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(links.Value.SigningSecret),
            Encoding.UTF8.GetBytes($"pac-dashboard-v1|{kind}|{options.Value.Key}"));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
