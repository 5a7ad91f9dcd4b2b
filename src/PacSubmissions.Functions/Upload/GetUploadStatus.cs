using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class GetUploadStatus(UploadPageHandler handler)
{
    [Function(nameof(GetUploadStatus))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UploadRoutes.Status)] HttpRequest request,
        string token,
        string submissionId,
        CancellationToken cancellationToken) =>
        handler.StatusAsync(request, token, submissionId, cancellationToken);
}
