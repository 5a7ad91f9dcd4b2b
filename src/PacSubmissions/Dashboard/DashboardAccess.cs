using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PacSubmissions.Dashboard;

/// <summary>Who is asking for a dashboard page or an export, or why they may not have it.</summary>
public sealed record DashboardCaller(string Who, int? RefusalStatus = null, string? Refusal = null)
{
    public bool IsRefused => Refusal is not null;
}

/// <summary>
/// Decides who is at the dashboard. With App Service Authentication on (the platform sets <c>WEBSITE_AUTH_ENABLED</c>),
/// the platform signs the person in, strips any <c>X-MS-CLIENT-PRINCIPAL*</c> header a caller sends and sets its own:
/// then the caller must be signed in and a member of <see cref="DashboardOptions.HqGroupId"/>, and the audit log names
/// them. Without it those headers are whatever the caller typed, so they are ignored and the caller is known only as a
/// holder of the function key.
/// </summary>
public sealed class DashboardAccess(IConfiguration configuration, IOptions<DashboardOptions> options)
{
    /// <summary>Set to <c>true</c> by App Service when its authentication is on; never set by the Bicep or by hand.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string FunctionKey = "function key";

    private const string GroupsClaim = "groups";

    public bool PlatformAuthenticationIsOn =>
        bool.TryParse(configuration[PlatformAuthenticationSetting], out var on) && on;

    public DashboardCaller Identify(HttpRequest request)
    {
        if (!PlatformAuthenticationIsOn)
        {
            return new DashboardCaller(FunctionKey);
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

        return principal.Groups.Contains(group, StringComparer.OrdinalIgnoreCase)
            ? new DashboardCaller(who)
            : new DashboardCaller(who, StatusCodes.Status403Forbidden,
                $"You are signed in as {who}, who is not a member of HQ's group: ask IT to add you to it, then sign in again.");
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
