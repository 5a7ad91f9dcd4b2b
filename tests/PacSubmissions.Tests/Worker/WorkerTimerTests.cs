using MimeKit;
using PacSubmissions.Campaigns;
using PacSubmissions.Email;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The reminder timer, invoked in the built worker as the host invokes it on its schedule. A worker of its own: the run
/// reads every campaign and centre in its tables, so no other test's centres may be there.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WorkerTimerTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private TestPipeline Pipeline => fixture.Pipeline;

    private static string KeyOf(MimeMessage message) => message.Headers["X-Pac-Email-Key"] ?? "";

    [Fact]
    public async Task TimerRunSendsTheEmailThatIsDue()
    {
        var now = DateTimeOffset.UtcNow;
        var centre = TestData.Centre("kz-timer", "PAC Centre Timer", "timer@pac-test.example");
        // Ten days before the deadline the 14-day reminder is the latest one due, but the centre was never invited: the
        // invitation goes instead.
        var campaign = new Campaign(2031, now.AddDays(-30), now.AddDays(10), Campaign.AnywhereOnEarth, Campaign.DefaultGrace, now.AddDays(40));
        await TestData.SeedAsync(Pipeline.Services, campaign, centre);

        var response = await fixture.Worker.InvokeAsync("SendReminders", HostTriggerData.Timer(now.AddHours(-1), now.AddHours(1)));

        WorkerAssert.Succeeded(response, fixture.Worker);
        var invitation = Assert.Single(Pipeline.Outbox.To(centre.CoordinatorEmail));
        Assert.Equal($"{campaign.Year}|{centre.Id}|{EmailKinds.Invitation}|{EmailKinds.Opening}", KeyOf(invitation));
    }
}
