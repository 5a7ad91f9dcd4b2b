using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>HQ's sign-in with the dashboard key: the key is exchanged once for a session cookie, then a clean address.</summary>
internal sealed class DashboardSignIn(DashboardHandler handler)
{
    [Function(nameof(DashboardSignIn))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.SignIn)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.SignInAsync(request, cancellationToken);
}
