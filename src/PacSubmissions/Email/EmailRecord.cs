namespace PacSubmissions.Email;

/// <summary>What the ledger knows about one e-mail: to whom, its state, when, what the provider said, and what SendGrid's Event Webhook last reported of its delivery.</summary>
public sealed record EmailRecord(
    EmailKey Key,
    string To,
    string Subject,
    EmailStatus Status,
    int Attempts,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? FailedAt,
    string? MessageId,
    int? StatusCode,
    string? LastError,
    EmailDelivery? Delivery = null)
{
    /// <summary>Sent, or refused for good: nothing more will be tried for this key.</summary>
    public bool Done => Status is EmailStatus.Sent or EmailStatus.FailedPermanently;
}
