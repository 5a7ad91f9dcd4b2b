using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The register's CSV import; POST previews what a file would change.</summary>
internal sealed class DashboardRegisterImport(RegisterHandler handler)
{
    [Function(nameof(DashboardRegisterImport))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.RegisterImport)] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ImportAsync(request, cancellationToken);
}
