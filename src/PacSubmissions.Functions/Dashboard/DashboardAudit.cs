using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>Every dashboard action of a campaign, newest first.</summary>
internal sealed class DashboardAudit(DashboardHandler handler)
{
    [Function(nameof(DashboardAudit))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Audit)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        handler.AuditAsync(request, year, cancellationToken);
}
