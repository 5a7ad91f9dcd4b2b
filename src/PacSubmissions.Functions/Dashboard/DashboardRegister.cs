using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The centre register: every centre, active or not, and the ways to change it.</summary>
internal sealed class DashboardRegister(RegisterHandler handler)
{
    [Function(nameof(DashboardRegister))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Register)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ListAsync(request, cancellationToken);
}
