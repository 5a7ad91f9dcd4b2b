using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The campaign table: one row per centre, counts at the top, sortable and filterable.</summary>
internal sealed class DashboardCampaign(DashboardHandler handler)
{
    [Function(nameof(DashboardCampaign))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Campaign)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        handler.CampaignAsync(request, year, cancellationToken);
}
