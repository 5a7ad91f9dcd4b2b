using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The dashboard's script and style sheet: served from the app itself, so the CSP allows only <c>'self'</c>.</summary>
internal sealed class DashboardAsset
{
    [Function(nameof(DashboardAsset))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Asset)] HttpRequest request,
        string name) =>
        DashboardHandler.Asset(request, name);
}
