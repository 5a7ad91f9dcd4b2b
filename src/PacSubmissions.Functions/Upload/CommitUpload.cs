using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class CommitUpload(ResumableUploadHandler handler)
{
    [Function(nameof(CommitUpload))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UploadRoutes.Resumable)] HttpRequest request,
        string token,
        string uploadId,
        CancellationToken cancellationToken) =>
        handler.CommitAsync(request, token, uploadId, cancellationToken);
}
