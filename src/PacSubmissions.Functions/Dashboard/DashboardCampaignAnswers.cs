using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The campaign's centre × question grid: what each centre's report that counts says to each question.</summary>
internal sealed class DashboardCampaignAnswers(GlanceHandler handler)
{
    [Function(nameof(DashboardCampaignAnswers))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Answers)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        handler.AnswersAsync(request, year, cancellationToken);
}
