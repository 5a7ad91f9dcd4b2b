using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Submissions;

namespace PacSubmissions.Reminders;

/// <summary>What a run did with one planned e-mail; <c>pac reminders</c> prints it as <c>sent</c>, <c>skipped</c>, <c>failed</c>, <c>failed-permanently</c>.</summary>
public enum ReminderOutcome
{
    Sent,

    /// <summary>Sent before, or another run holds the claim and is sending it.</summary>
    Skipped,

    /// <summary>Failed for now: the ledger keeps it pending and the next run plans it again.</summary>
    Failed,

    /// <summary>Refused for good: recorded and shown to HQ, never retried.</summary>
    FailedPermanently,
}

/// <summary>What a run did with one planned e-mail: sent, skipped (someone else has it), or failed (and why).</summary>
public sealed record ReminderRunItem(PlannedEmail Planned, ReminderOutcome Outcome, string? Error = null);

/// <summary>
/// The timer's work: load the campaigns, the register, the submissions and the ledger, ask
/// <see cref="ReminderPlanner"/> what is due now, and send exactly that, each e-mail through the ledger's claim.
/// Idempotent: a second run at the same instant finds everything done. An e-mail that fails for now stays pending in
/// the ledger and is planned again by the next run; one refused for good is recorded and shown to HQ.
/// </summary>
public sealed partial class ReminderRun(
    CampaignStore campaigns,
    CentreRegister centres,
    SubmissionStore submissions,
    CentreDeadlines deadlines,
    EmailLedger ledger,
    CoordinatorEmails coordinators,
    HqEmails hq,
    RecordedReadings readings,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock,
    ILogger<ReminderRun> logger)
{
    /// <summary>What a run at <paramref name="at"/> would send, against the ledger as it is now; sends nothing.</summary>
    public async Task<IReadOnlyList<PlannedEmail>> PlanAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        [.. (await LoadAsync(at, cancellationToken)).SelectMany(c => c.Plan)];

    public async Task<IReadOnlyList<ReminderRunItem>> RunAsync(CancellationToken cancellationToken)
    {
        var results = new List<ReminderRunItem>();
        foreach (var context in await LoadAsync(clock.GetUtcNow(), cancellationToken))
        {
            foreach (var planned in context.Plan)
            {
                results.Add(await SendAsync(planned, context, cancellationToken));
            }
        }

        return results;
    }

    private async Task<ReminderRunItem> SendAsync(PlannedEmail planned, CampaignContext context, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await ledger.SendOnceAsync(await ComposeAsync(planned, context, cancellationToken), cancellationToken);
            return new ReminderRunItem(planned, outcome == EmailOutcome.Sent ? ReminderOutcome.Sent : ReminderOutcome.Skipped);
        }
        catch (EmailSendException exception)
        {
            // Recorded by the ledger; a failure for now is planned again by the next run.
            return new ReminderRunItem(planned, exception.Permanent ? ReminderOutcome.FailedPermanently : ReminderOutcome.Failed, exception.Message);
        }
    }

    private async Task<EmailMessage> ComposeAsync(PlannedEmail planned, CampaignContext context, CancellationToken cancellationToken)
    {
        var (campaign, key) = (context.Campaign, planned.Key);
        // A submission's e-mails are planned only once it is recorded, so its check is there to be told.
        var reading = key.Kind is EmailKinds.Receipt or EmailKinds.SubmissionReceived && planned.Submission is { } submission
            ? await readings.FindAsync(submission, cancellationToken)
            : null;
        return await (key.Kind switch
        {
            EmailKinds.Invitation => coordinators.InvitationAsync(context.Input.CampaignFor(planned.Centre!.Id), planned.Centre, emailOptions.Value.HqAddress, cancellationToken),
            EmailKinds.Reminder => coordinators.ReminderAsync(context.Input.CampaignFor(planned.Centre!.Id), planned.Centre, planned.Days!.Value, cancellationToken),
            EmailKinds.LateNotice => coordinators.LateNoticeAsync(context.Input.CampaignFor(planned.Centre!.Id), planned.Centre, planned.Days!.Value, cancellationToken),
            EmailKinds.NeedsWorkReminder or EmailKinds.NeedsWorkLateNotice => coordinators.NeedsWorkAsync(context.Input.CampaignFor(planned.Centre!.Id),
                planned.Centre, planned.Submission!, planned.Days!.Value, key.Kind == EmailKinds.NeedsWorkLateNotice, cancellationToken),
            EmailKinds.Receipt => coordinators.ReceiptAsync(campaign, planned.Submission!, planned.Centre!, reading, cancellationToken),
            EmailKinds.SubmissionReceived => hq.SubmissionReceivedAsync(planned.Submission!, planned.Centre, reading, cancellationToken),
            EmailKinds.ProcessingFailed => hq.ProcessingFailedAsync(planned.Submission!, planned.Centre, cancellationToken),
            EmailKinds.MissingAddress => hq.MissingAddressAsync(campaign.Year, planned.Centre!, cancellationToken),
            EmailKinds.WeeklyDigest => hq.WeeklyDigestAsync(campaign, key.Detail, context.Statuses, context.Emails, cancellationToken),
            EmailKinds.ClosingSummary => hq.ClosingSummaryAsync(campaign, key.Detail, context.Statuses, context.Emails, cancellationToken),
            EmailKinds.UploadBurst => hq.UploadBurstAsync(planned.Submission!, planned.Centre, planned.Uploads, emailOptions.Value.UploadBurstWindow, cancellationToken),
            EmailKinds.DailySummary => hq.DailySummaryAsync(campaign, key.Detail, planned.DueAt, planned.Uploads, context.Input.Centres, cancellationToken),
            _ => throw new InvalidOperationException($"The planner produced an e-mail of unknown kind '{key.Kind}'."),
        });
    }

    private async Task<List<CampaignContext>> LoadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var register = await centres.ListAsync(cancellationToken);
        var contexts = new List<CampaignContext>();
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            if (at < campaign.OpensAt || at > campaign.LateUploadsCloseAt + ReminderPlanner.FollowUpWindow)
            {
                continue;
            }

            var received = (await submissions.ListAsync(campaign.Year, cancellationToken)).Where(s => s.ReceivedAt <= at).ToList();
            var emails = await ledger.ListAsync(campaign.Year, cancellationToken);
            try
            {
                var input = new ReminderPlanInput(at, campaign, register, received, emails.Where(e => e.Done).Select(e => e.Key).ToHashSet(),
                    await deadlines.ListAsync(campaign.Year, cancellationToken), emailOptions.Value.HqNotices, InvitedAt(emails),
                    emailOptions.Value.UploadBurstWindow);
                contexts.Add(new CampaignContext(input, ReminderPlanner.Plan(input), CentreStatus.Of(register, received, at), emails));
            }
            catch (ArgumentException exception)
            {
                // A campaign with a zone this machine does not know: skip it, loudly, and do the others.
                LogCampaignSkipped(logger, exception, campaign.Year);
            }
        }

        return contexts;
    }

    /// <summary>When each centre's invitation went out (or was refused for good): the reminders due before it are not sent after it.</summary>
    private static Dictionary<string, DateTimeOffset> InvitedAt(IReadOnlyList<EmailRecord> emails) =>
        emails.Where(e => e.Key.Kind == EmailKinds.Invitation && e.Done && (e.SentAt ?? e.FailedAt ?? e.ClaimedAt) is not null)
            .ToDictionary(e => e.Key.Centre, e => (e.SentAt ?? e.FailedAt ?? e.ClaimedAt)!.Value, StringComparer.Ordinal);

    private sealed record CampaignContext(ReminderPlanInput Input, IReadOnlyList<PlannedEmail> Plan, IReadOnlyList<CentreStatus> Statuses, IReadOnlyList<EmailRecord> Emails)
    {
        public Campaign Campaign => Input.Campaign;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Campaign {Year} was skipped by the reminder run")]
    private static partial void LogCampaignSkipped(ILogger logger, Exception exception, int year);
}
