using PacSubmissions.Email;

namespace PacSubmissions.Tests.Email;

/// <summary>SendGrid's events come out of order and twice: which one the ledger keeps.</summary>
public sealed class EmailDeliveryOrderTests
{
    private static readonly DateTimeOffset At = new(2030, 7, 8, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DeliveryState.Deferred, 0, DeliveryState.Delivered, 1, true)]
    [InlineData(DeliveryState.Delivered, 0, DeliveryState.Deferred, 1, false)]
    [InlineData(DeliveryState.Delivered, 1, DeliveryState.Deferred, 0, false)]
    [InlineData(DeliveryState.Deferred, 1, DeliveryState.Bounced, 0, true)]
    [InlineData(DeliveryState.Delivered, 0, DeliveryState.Bounced, 5, true)]
    [InlineData(DeliveryState.Bounced, 5, DeliveryState.Delivered, 0, false)]
    [InlineData(DeliveryState.Delivered, 0, DeliveryState.SpamReport, 60, true)]
    [InlineData(DeliveryState.Deferred, 0, DeliveryState.Deferred, 10, true)]
    [InlineData(DeliveryState.Deferred, 10, DeliveryState.Deferred, 0, false)]
    public void ALaterOutcomeWinsAndADeferralNeverHidesOne(DeliveryState current, int currentMinute, DeliveryState next, int nextMinute, bool replaces)
    {
        var recorded = new EmailDelivery(current, At.AddMinutes(currentMinute), null);

        Assert.Equal(replaces, new EmailDelivery(next, At.AddMinutes(nextMinute), null).Supersedes(recorded));
        Assert.True(new EmailDelivery(next, At, null).Supersedes(null));
    }
}
