using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class ListUploadBlocks(ResumableUploadHandler handler)
{
    [Function(nameof(ListUploadBlocks))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UploadRoutes.Resumable)] HttpRequest request,
        string token,
        string uploadId,
        CancellationToken cancellationToken) =>
        handler.ListAsync(request, token, uploadId, cancellationToken);
}
