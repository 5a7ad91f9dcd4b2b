using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>"Message centres": HQ's form (GET), and its preview or send (POST), audited.</summary>
internal sealed class DashboardMessages(DashboardMessagesHandler handler)
{
    [Function(nameof(DashboardMessages))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.Messages)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        handler.MessagesAsync(request, year, cancellationToken);
}
