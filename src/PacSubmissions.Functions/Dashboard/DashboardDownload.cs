using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>One version of a report, under the file name it was uploaded with.</summary>
internal sealed class DashboardDownload(DashboardHandler handler)
{
    [Function(nameof(DashboardDownload))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardRoutes.Download)] HttpRequest request,
        int year,
        string centre,
        string submissionId,
        CancellationToken cancellationToken) =>
        handler.DownloadAsync(request, year, centre, submissionId, cancellationToken);
}
