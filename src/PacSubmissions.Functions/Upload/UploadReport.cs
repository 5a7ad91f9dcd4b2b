using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class UploadReport(ReportUploadHandler handler)
{
    [Function(nameof(UploadReport))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UploadRoutes.Upload)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, token, cancellationToken);
}
