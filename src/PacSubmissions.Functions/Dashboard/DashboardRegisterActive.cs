using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>Deactivates or reactivates a centre.</summary>
internal sealed class DashboardRegisterActive(RegisterHandler handler)
{
    [Function(nameof(DashboardRegisterActive))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DashboardRoutes.RegisterActive)] HttpRequest request,
        string centre,
        CancellationToken cancellationToken) =>
        handler.SetActiveAsync(request, centre, cancellationToken);
}
