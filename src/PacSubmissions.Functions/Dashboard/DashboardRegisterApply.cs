using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>Applies an import's preview, exactly as it was shown.</summary>
internal sealed class DashboardRegisterApply(RegisterHandler handler)
{
    [Function(nameof(DashboardRegisterApply))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DashboardRoutes.RegisterApply)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ApplyAsync(request, cancellationToken);
}
