using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Reminders;

/// <summary>The planner alone on invitations: who is invited, when, and what it stands for.</summary>
public sealed class InvitationPlannerTests
{
    private static readonly EmailKey NeverInvited = new(CampaignScenario.Campaign.Year, CampaignScenario.Never.Id, EmailKinds.Invitation, EmailKinds.Opening);

    [Fact]
    public void AtTheOpeningEveryActiveCentreWithAnAddressIsInvitedWithItsReason()
    {
        var planned = Plan(CampaignScenario.Campaign.OpensAt, []);

        var invited = planned.Where(p => p.Key.Kind == EmailKinds.Invitation).ToList();
        Assert.Equal(["early", "grace", "incomplete", "late", "never"], invited.Select(p => p.Key.Centre));
        Assert.All(invited, p => Assert.Equal(EmailKinds.Opening, p.Key.Detail));
        Assert.Equal("invitation: the campaign opened 2031-03-01 00:00 UTC and never has not been invited yet; its deadline is 2031-07-15 11:59 UTC",
            invited.Single(p => p.Key == NeverInvited).Reason);
        // Not the inactive centre, and for the centre without an address HQ is told instead.
        Assert.Contains(planned, p => p.Key.Kind == EmailKinds.MissingAddress);
    }

    [Fact]
    public void TheInvitationStandsForTheReminderDueAtTheSameRunAndForThoseBeforeIt()
    {
        var at = CampaignScenario.Deadline - TimeSpan.FromDays(10);

        var first = Plan(at, []).Where(p => p.Key.Centre == CampaignScenario.Never.Id).Select(p => p.Key).ToList();
        var after = Plan(at + TimeSpan.FromHours(1), [NeverInvited], invitedAt: at).Where(p => p.Key.Centre == CampaignScenario.Never.Id).ToList();
        var nextReminder = Plan(CampaignScenario.Deadline - TimeSpan.FromDays(7) + TimeSpan.FromHours(1), [NeverInvited], invitedAt: at)
            .Single(p => p.Key.Centre == CampaignScenario.Never.Id);

        // Ten days before, the 14-day reminder was due: the invitation goes instead, and the 14-day one never after it.
        Assert.Equal([NeverInvited], first);
        Assert.Empty(after);
        Assert.Equal("reminder|7d", $"{nextReminder.Key.Kind}|{nextReminder.Key.Detail}");
    }

    [Fact]
    public void NoInvitationAfterTheDeadlineNorToACentreThatHasSentSomethingOrWasRemindedAlready()
    {
        var afterDeadline = Plan(CampaignScenario.Deadline + TimeSpan.FromDays(1) + TimeSpan.FromHours(2), []);
        var withUploads = Plan(CampaignScenario.Deadline - TimeSpan.FromDays(1), [], submissions: CampaignScenario.Submissions);
        var reminded = Plan(CampaignScenario.Deadline - TimeSpan.FromDays(7) + TimeSpan.FromHours(1),
            [new EmailKey(CampaignScenario.Campaign.Year, CampaignScenario.Never.Id, EmailKinds.Reminder, "14d")]);

        // After the deadline the late notices speak; a campaign under way before invitations existed has told its centres.
        Assert.DoesNotContain(afterDeadline, p => p.Key.Kind == EmailKinds.Invitation);
        Assert.Contains(afterDeadline, p => p.Key == new EmailKey(2031, CampaignScenario.Never.Id, EmailKinds.LateNotice, "1d"));
        // Early and Incomplete have sent reports by then; Grace and Late have not yet.
        Assert.Equal(["grace", "late", "never"], withUploads.Where(p => p.Key.Kind == EmailKinds.Invitation).Select(p => p.Key.Centre));
        Assert.DoesNotContain(reminded, p => p.Key == NeverInvited);
        Assert.Contains(reminded, p => p.Key == new EmailKey(2031, CampaignScenario.Never.Id, EmailKinds.Reminder, "7d"));
    }

    private static IReadOnlyList<PlannedEmail> Plan(DateTimeOffset now, IReadOnlyList<EmailKey> done, DateTimeOffset? invitedAt = null, IReadOnlyList<Submission>? submissions = null) =>
        ReminderPlanner.Plan(new ReminderPlanInput(now, CampaignScenario.Campaign, CampaignScenario.Centres, submissions ?? [], done.ToHashSet(),
            InvitedAt: invitedAt is { } at ? new Dictionary<string, DateTimeOffset> { [CampaignScenario.Never.Id] = at } : null));
}
