using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>An action on one centre (copy or re-send its link, extend, revoke, check a version again), recorded in the audit log.</summary>
internal sealed class DashboardAction(DashboardHandler handler)
{
    [Function(nameof(DashboardAction))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DashboardRoutes.Action)] HttpRequest request,
        int year,
        string centre,
        string action,
        CancellationToken cancellationToken) =>
        handler.ActionAsync(request, year, centre, action, cancellationToken);
}
