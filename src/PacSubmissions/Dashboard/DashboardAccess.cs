using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PacSubmissions.Upload;

namespace PacSubmissions.Dashboard;

/// <summary>
/// Who is asking for a dashboard page or an export, or why they may not have it. <see cref="Session"/> is the browser's
/// session (null for a script that sent the key in <see cref="DashboardAccess.KeyHeader"/>, which no other site's page
/// can make a browser send); <see cref="NeedsSignIn"/> asks for the key.
/// </summary>
public sealed record DashboardCaller(
    string Who,
    int? RefusalStatus = null,
    string? Refusal = null,
    DashboardSession? Session = null,
    DashboardSessionKind Kind = DashboardSessionKind.Key,
    bool NeedsSignIn = false)
{
    public bool IsRefused => Refusal is not null;
}

/// <summary>
/// Decides who is at the dashboard. Its routes are anonymous to the Functions host; the app authorises every request
/// itself (docs/security.md says why). With App Service Authentication on (the platform sets <c>WEBSITE_AUTH_ENABLED</c>),
/// the platform signs the person in, strips any <c>X-MS-CLIENT-PRINCIPAL*</c> header a caller sends and sets its own:
/// then the caller must be signed in and a member of <see cref="DashboardOptions.HqGroupId"/>, and the audit log names
/// them. Without it those headers are whatever the caller typed, so they are ignored: the caller must hold
/// <see cref="DashboardOptions.Key"/>, given once at the sign-in page for a session cookie (or, from a script, in a
/// header), and is known only as a holder of that key.
/// </summary>
public sealed class DashboardAccess(IConfiguration configuration, IOptions<DashboardOptions> options, IOptions<LinkOptions> links, DashboardSessions sessions)
{
    /// <summary>Set to <c>true</c> by App Service when its authentication is on; never set by the Bicep or by hand.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>Where a script (not a browser) may send the dashboard key instead of signing in.</summary>
    public const string KeyHeader = "X-PAC-Dashboard-Key";

    /// <summary>Who the audit log names when the dashboard key was all that was shown.</summary>
    public const string SharedKey = "dashboard key";

    private const string GroupsClaim = "groups";

    public bool PlatformAuthenticationIsOn =>
        bool.TryParse(configuration[PlatformAuthenticationSetting], out var on) && on;

    public bool KeyIsSet => options.Value.Key.Length > 0;

    public DashboardCaller Identify(HttpRequest request)
    {
        if (!PlatformAuthenticationIsOn)
        {
            if (!KeyIsSet)
            {
                return new DashboardCaller("", StatusCodes.Status403Forbidden,
                    $"HQ's dashboard has no key to sign in with: IT must set {DashboardOptions.KeySetting} (at least 32 random characters) or turn on App Service Authentication.");
            }

            if (sessions.KeyMatches(request.Headers[KeyHeader].FirstOrDefault()))
            {
                return new DashboardCaller(SharedKey);
            }

            return sessions.Find(request, DashboardSessionKind.Key) is { } session
                ? new DashboardCaller(SharedKey, Session: session)
                : new DashboardCaller("", StatusCodes.Status401Unauthorized, "Sign in with HQ's dashboard key to use HQ's dashboard.", NeedsSignIn: true);
        }

        if (Principal.Read(request.Headers[PrincipalHeader].FirstOrDefault()) is not { } principal)
        {
            return new DashboardCaller("", StatusCodes.Status401Unauthorized,
                "Sign in with your IFLA Microsoft account to use HQ's dashboard (App Service Authentication did not name anyone).");
        }

        var who = request.Headers[PrincipalNameHeader].FirstOrDefault() is { Length: > 0 } header ? header.Trim() : principal.Name ?? "signed-in user";
        var group = options.Value.HqGroupId;
        if (group.Length == 0)
        {
            return new DashboardCaller(who, StatusCodes.Status403Forbidden,
                $"You are signed in as {who}, but no HQ group is configured: IT must set {DashboardOptions.HqGroupIdSetting} to the object id of HQ's Entra ID group.");
        }

        if (!principal.Groups.Contains(group, StringComparer.OrdinalIgnoreCase))
        {
            return new DashboardCaller(who, StatusCodes.Status403Forbidden,
                $"You are signed in as {who}, who is not a member of HQ's group: ask IT to add you to it, then sign in again.");
        }

        // The platform's own cookie goes with every request, a forged one from another site's page too: the forms need a
        // token bound to a session of ours.
        var platformSession = sessions.Find(request, DashboardSessionKind.Platform) ?? sessions.Start(request, DashboardSessionKind.Platform);
        return new DashboardCaller(who, Session: platformSession, Kind: DashboardSessionKind.Platform);
    }

    /// <summary>Whether <paramref name="given"/> is the dashboard key (constant-time); false when none is set.</summary>
    public bool KeyMatches(string? given) => sessions.KeyMatches(given);

    /// <summary>The links and forms of a page for this caller: its forms carry the session's antiforgery token.</summary>
    public DashboardLinks LinksFor(DashboardCaller caller) =>
        new(caller.Session is { } session ? sessions.AntiforgeryToken(session, caller.Kind) : null,
            CanSignOut: caller.Session is not null && caller.Kind == DashboardSessionKind.Key);

    /// <summary>
    /// Whether a posted form comes from one of the dashboard's own pages: it carries the token of the caller's session. A
    /// script that sent the key in its header has no session and needs none (no page of another site can send it).
    /// </summary>
    public bool FormIsGenuine(DashboardCaller caller, string? token) =>
        caller.Session is { } session ? sessions.AntiforgeryHolds(session, caller.Kind, token) : !caller.IsRefused;

    /// <summary>
    /// Whether a POST comes from another site's page: a browser says so in <c>Sec-Fetch-Site</c> (anything but
    /// <c>same-origin</c>), or, without it, in an <c>Origin</c> that is neither <c>Links:PublicBaseUrl</c>'s nor the address
    /// the request was sent to. A request with neither header is no browser's form (or a very old browser's), and the
    /// antiforgery token still guards it.
    /// </summary>
    public bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].FirstOrDefault() is { } fetchSite)
        {
            return !string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        if (request.Headers.Origin.FirstOrDefault() is not { } origin)
        {
            return false;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            return true;
        }

        var publicBase = new Uri(links.Value.PublicBaseUrl);
        var samePublicOrigin = string.Equals(from.Scheme, publicBase.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.Authority, publicBase.Authority, StringComparison.OrdinalIgnoreCase);
        return !samePublicOrigin && !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The claims App Service passes in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 of JSON with <c>claims</c> and <c>name_typ</c>.</summary>
    private sealed record Principal(string? Name, IReadOnlyList<string> Groups)
    {
        public static Principal? Read(string? header)
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
                var root = document.RootElement;
                var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
                var claims = root.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Array
                    ? c.EnumerateArray().Select(claim => (Type: claim.GetProperty("typ").GetString(), Value: claim.GetProperty("val").GetString())).ToList()
                    : [];
                return new Principal(
                    claims.FirstOrDefault(claim => claim.Type == nameType).Value,
                    [.. claims.Where(claim => claim.Type == GroupsClaim && claim.Value is not null).Select(claim => claim.Value!)]);
            }
            catch (Exception exception) when (exception is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return null;
            }
        }
    }
}
