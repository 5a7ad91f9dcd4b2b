using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>One centre's submission: answers, problems, versions, e-mails, audit, actions.</summary>
internal sealed class DashboardCentre(DashboardHandler handler)
{
    [Function(nameof(DashboardCentre))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Centre)] HttpRequest request,
        int year,
        string centre,
        CancellationToken cancellationToken) =>
        handler.CentreAsync(request, year, centre, cancellationToken);
}
