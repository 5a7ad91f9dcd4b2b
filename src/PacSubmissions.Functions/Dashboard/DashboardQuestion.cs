using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>Every centre's answer to one question of the campaign's form.</summary>
internal sealed class DashboardQuestion(GlanceHandler handler)
{
    [Function(nameof(DashboardQuestion))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Question)] HttpRequest request,
        int year,
        string question,
        CancellationToken cancellationToken) =>
        handler.QuestionAsync(request, year, question, cancellationToken);
}
