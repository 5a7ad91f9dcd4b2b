using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>HQ's campaigns, and the form that opens or changes one.</summary>
internal sealed class DashboardCampaigns(DashboardHandler handler)
{
    [Function(nameof(DashboardCampaigns))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.Campaigns)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.CampaignsAsync(request, cancellationToken);
}
