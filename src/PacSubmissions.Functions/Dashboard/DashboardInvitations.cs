using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Dashboard;

/// <summary>"Invite all": the invitations' preview per language (GET), and their send (POST), audited.</summary>
internal sealed class DashboardInvitations(DashboardMessagesHandler handler)
{
    [Function(nameof(DashboardInvitations))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = DashboardRoutes.Invitations)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        handler.InvitationsAsync(request, year, cancellationToken);
}
