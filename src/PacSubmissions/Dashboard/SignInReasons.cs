using Microsoft.AspNetCore.Http;

namespace PacSubmissions.Dashboard;

/// <summary>
/// Why the sign-in page came up in place of what was asked for, in plain words: HQ staff meet it when their session has
/// ended, and a bare "401" tells them nothing. After a form was sent it also says that nothing was done.
/// </summary>
public static class SignInReasons
{
    public static string For(HttpRequest request)
    {
        var why = request.Headers.ContainsKey(DashboardAccess.KeyHeader)
            ? "The dashboard key this request carried is not the current one."
            : request.Cookies.ContainsKey(DashboardSessions.CookieName)
                ? $"Your sign-in has ended: a session lasts {(int)DashboardSessions.Lifetime.TotalHours} hours, and ends for everyone when the dashboard key changes."
                : "This browser is not signed in to HQ's dashboard.";
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? $"{why} Sign in to see the page you asked for; you are taken back to it."
            : $"Nothing was done. {why} Sign in again, go back to the page and send it once more.";
    }

    /// <summary>A browser asked (it takes HTML), not a script: it gets the sign-in page rather than a JSON problem.</summary>
    public static bool IsBrowser(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
