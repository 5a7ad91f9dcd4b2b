using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Email;
using PacSubmissions.Http;

namespace PacSubmissions.Functions.Email;

/// <summary>SendGrid's Event Webhook: anonymous to the host, since SendGrid cannot sign in; the signature is what admits a post.</summary>
internal sealed class ReceiveDeliveryEvents(DeliveryEvents events)
{
    [Function(nameof(ReceiveDeliveryEvents))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = EmailRoutes.DeliveryEvents)] HttpRequest request,
        CancellationToken cancellationToken) =>
        events.ReceiveAsync(request, cancellationToken);
}
