using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The form that adds a centre to the register; POST adds it.</summary>
internal sealed class DashboardRegisterAdd(RegisterHandler handler)
{
    [Function(nameof(DashboardRegisterAdd))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.RegisterAdd)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.AddAsync(request, cancellationToken);
}
