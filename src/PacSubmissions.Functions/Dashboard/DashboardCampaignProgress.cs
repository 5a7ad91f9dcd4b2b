using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The campaign's readable reports per day against the deadline, and the days left.</summary>
internal sealed class DashboardCampaignProgress(GlanceHandler handler)
{
    [Function(nameof(DashboardCampaignProgress))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Progress)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        handler.ProgressAsync(request, year, cancellationToken);
}
