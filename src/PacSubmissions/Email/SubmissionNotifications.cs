using Microsoft.Extensions.Logging;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Email;

/// <summary>
/// The e-mails one recorded submission causes: HQ's, and the coordinator's receipt (or, for a centre with no usable
/// address, HQ's one notice about that). Each goes through the ledger, so processing a blob twice sends nothing twice.
/// An e-mail that fails for now is not thrown back at the blob trigger (whose retries end in the poison queue):
/// it stays "failed" in the ledger and the hourly reminder run sends it (see <see cref="Reminders.ReminderPlanner"/>).
/// <para>
/// An e-mail another run is sending ("in flight") is waited for: either that run records it, or it died (a host killed
/// mid-send, whose blob is now processed again) and its claim goes stale after <see cref="EmailOptions.ClaimTimeout"/>,
/// and this run sends it. The wait is bounded by <see cref="LongestWait"/>, under the function's own timeout; a claim
/// still fresh then is left to the reminder run.
/// </para>
/// </summary>
public sealed partial class SubmissionNotifications(
    CampaignStore campaigns,
    HqEmails hq,
    CoordinatorEmails coordinators,
    EmailLedger ledger,
    TimeProvider clock,
    ILogger<SubmissionNotifications> logger)
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(5);

    public async Task SendAsync(Submission submission, Centre? centre, ReportReading? reading, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(submission.Year, cancellationToken);
        foreach (var message in Messages(campaign, submission, centre, reading))
        {
            try
            {
                await SendOrWaitAsync(message, cancellationToken);
            }
            catch (EmailSendException exception)
            {
                // The ledger has logged and recorded it; the next reminder run retries what is not permanent.
                LogLeftPending(logger, message.Key, exception.Permanent);
            }
        }
    }

    private async Task SendOrWaitAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var timeout = ledger.ClaimTimeout;
        var poll = timeout / 4 < LongestPoll ? timeout / 4 : LongestPoll;
        // One poll past the timeout: a claim made just before this run started has gone stale by then.
        var waitUntil = clock.GetUtcNow() + (timeout + poll < LongestWait ? timeout + poll : LongestWait);
        while (await ledger.SendOnceAsync(message, cancellationToken) == EmailOutcome.InFlight)
        {
            if (clock.GetUtcNow() >= waitUntil)
            {
                LogStillInFlight(logger, message.Key);
                return;
            }

            await Task.Delay(poll, clock, cancellationToken);
        }
    }

    private IEnumerable<EmailMessage> Messages(Campaign? campaign, Submission submission, Centre? centre, ReportReading? reading)
    {
        yield return hq.SubmissionReceived(submission, centre, reading);
        if (centre is null)
        {
            yield break;
        }

        yield return EmailKinds.IsValidAddress(centre.CoordinatorEmail)
            ? coordinators.Receipt(campaign, submission, centre, reading)
            : hq.MissingAddress(submission.Year, centre);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key} was not sent now (permanent: {Permanent}); the ledger has it")]
    private static partial void LogLeftPending(ILogger logger, EmailKey key, bool permanent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key} is still being sent by another run; the reminder run takes it over if that run died")]
    private static partial void LogStillInFlight(ILogger logger, EmailKey key);
}
