using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Exports;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>HQ's downloads: the campaign table (CSV), the newest reports (ZIP), the compiled report (DOCX, HTML).</summary>
internal sealed class ExportCampaign(CampaignExportHandler handler)
{
    [Function(nameof(ExportCampaign))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Export)] HttpRequest request,
        int year,
        string name,
        CancellationToken cancellationToken) =>
        handler.ExportAsync(request, year, name, cancellationToken);
}
