using Microsoft.AspNetCore.Http;

namespace PacSubmissions.Dashboard;

/// <summary>
/// Who did something, for the audit log. With App Service Authentication on, App Service puts the signed-in person in
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c> (and strips any such header a caller sends); without it, the caller is known only
/// as a holder of a function key, which the Functions host does not name to the worker.
/// </summary>
public static class DashboardUser
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string FunctionKey = "function key";

    public static string Of(HttpRequest request) =>
        request.Headers[PrincipalHeader].FirstOrDefault() is { Length: > 0 } name ? name.Trim() : FunctionKey;
}
