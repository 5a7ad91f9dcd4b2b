using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class StageUploadBlock(ResumableUploadHandler handler)
{
    [Function(nameof(StageUploadBlock))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = UploadRoutes.ResumableBlock)] HttpRequest request,
        string token,
        string uploadId,
        string index,
        CancellationToken cancellationToken) =>
        handler.StageAsync(request, token, uploadId, index, cancellationToken);
}
