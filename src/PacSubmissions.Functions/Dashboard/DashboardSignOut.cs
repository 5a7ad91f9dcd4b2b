using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>Ends the browser's dashboard-key session, from the sign-out button every page shows.</summary>
internal sealed class DashboardSignOut(DashboardHandler handler)
{
    [Function(nameof(DashboardSignOut))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DashboardRoutes.SignOut)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.SignOutAsync(request, cancellationToken);
}
