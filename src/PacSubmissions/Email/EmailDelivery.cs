namespace PacSubmissions.Email;

/// <summary>
/// What SendGrid's Event Webhook last said of an e-mail it accepted; stored as <c>delivered</c>, <c>deferred</c>,
/// <c>bounced</c>, <c>blocked</c>, <c>dropped</c>, <c>spam-report</c> (<see cref="Storage.StoredNames"/>).
/// </summary>
public enum DeliveryState
{
    /// <summary>The receiving server accepted it.</summary>
    Delivered,

    /// <summary>The receiving server put it off for now; SendGrid keeps trying (up to 72 hours).</summary>
    Deferred,

    /// <summary>The receiving server refused it for good: the address is wrong or gone.</summary>
    Bounced,

    /// <summary>The receiving server refused it for now (a block list, a full mailbox); SendGrid does not try again.</summary>
    Blocked,

    /// <summary>SendGrid did not send it: the address bounced before, is invalid, or unsubscribed.</summary>
    Dropped,

    /// <summary>The recipient marked it as spam.</summary>
    SpamReport,
}

/// <summary>The delivery state of one e-mail, when SendGrid saw it, and the reason the receiving server or SendGrid gave.</summary>
public sealed record EmailDelivery(DeliveryState State, DateTimeOffset At, string? Reason)
{
    /// <summary>The address cannot be reached: HQ is told, once per address, to correct it in the register.</summary>
    public bool AddressFailed => State is DeliveryState.Bounced or DeliveryState.Dropped;

    /// <summary>Anything short of delivered or still being tried: the dashboard marks it.</summary>
    public bool NotDelivered => State is not (DeliveryState.Delivered or DeliveryState.Deferred);

    /// <summary>
    /// Whether this event should replace <paramref name="current"/>: events can come out of order and twice, so a later
    /// one wins, except that a deferral never hides an outcome (SendGrid may report a deferral after the delivery).
    /// </summary>
    public bool Supersedes(EmailDelivery? current) => current switch
    {
        null => true,
        _ when State == DeliveryState.Deferred => current.State == DeliveryState.Deferred && At >= current.At,
        { State: DeliveryState.Deferred } => true,
        _ => At >= current.At,
    };
}
