using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>The form that edits a centre of the register; POST saves it.</summary>
internal sealed class DashboardRegisterEdit(RegisterHandler handler)
{
    [Function(nameof(DashboardRegisterEdit))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.RegisterEdit)] HttpRequest request,
        string centre,
        CancellationToken cancellationToken) =>
        handler.EditAsync(request, centre, cancellationToken);
}
