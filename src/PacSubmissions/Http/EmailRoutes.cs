namespace PacSubmissions.Http;

/// <summary>The e-mail feature's routes: where SendGrid's Event Webhook posts (anonymous; every post is checked by its signature).</summary>
public static class EmailRoutes
{
    /// <summary>The Event Webhook's Post URL in SendGrid is <c>{Links:PublicBaseUrl}/api/email/events</c>.</summary>
    public const string DeliveryEvents = "email/events";
}
