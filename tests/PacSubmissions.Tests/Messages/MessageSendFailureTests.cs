using PacSubmissions.Email;
using PacSubmissions.Messages;
using PacSubmissions.Tests.Email;
using Answer = PacSubmissions.Tests.Email.FakeSendGrid.Answer;

namespace PacSubmissions.Tests.Messages;

/// <summary>HQ's message through a SendGrid that fails for one centre: the others get it, the failure is named, and sending again reaches only that centre.</summary>
[Trait("Category", "Slow")]
public sealed class MessageSendFailureTests
{
    [Fact]
    public async Task ACentreWhoseEmailFailedIsNamedAndGetsItWhenTheMessageIsSentAgainAndNoOtherGetsItTwice()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.Behaviour = key => key.Contains("|fr-paris|", StringComparison.Ordinal) ? Answer.ServerError : Answer.Accept;
        var (pipeline, _) = await CentreMessagesTests.StartAsync(SendGridFailureTests.SendGridSettings(sendGrid));
        await using var __ = pipeline;
        var messages = pipeline.Get<CentreMessages>();

        var first = await messages.SendMessageAsync(2030, CentreMessagesTests.Draft(MessageAudience.All), "hq", CancellationToken.None);
        sendGrid.Behaviour = _ => Answer.Accept;
        var retried = await messages.SendMessageAsync(2030, CentreMessagesTests.Draft(MessageAudience.All), "hq", CancellationToken.None);

        Assert.Equal(4, first.Sent);
        Assert.StartsWith("fr-paris: ", Assert.Single(first.Failed), StringComparison.Ordinal);
        Assert.Contains("1 failed; not sent: xx-nowhere", first.Summary, StringComparison.Ordinal);
        Assert.Equal((1, 4), (retried.Sent, retried.HadItAlready));
        Assert.Empty(retried.Failed);
        var accepted = sendGrid.Accepted.Select(r => r.Key).Where(k => k.Contains($"|{EmailKinds.Message}|", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, accepted.Count);
        Assert.Equal(accepted.Count, accepted.Distinct(StringComparer.Ordinal).Count());
    }
}
