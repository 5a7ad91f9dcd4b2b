using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Telemetry;

namespace PacSubmissions.Email;

/// <summary>
/// The e-mails one recorded submission causes: HQ's (unless HQ chose a daily summary), and the coordinator's receipt (or, for a centre with no usable
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
    UploadBursts bursts,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<SubmissionNotifications> logger)
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    public async Task<NotificationOutcome> SendAsync(Submission submission, Centre? centre, ReportReading? reading, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(submission.Year, cancellationToken);
        var (sent, alreadyHandled, inFlight, pending) = (0, 0, 0, 0);
        await foreach (var message in MessagesAsync(campaign, submission, centre, reading, cancellationToken))
        {
            using var span = PacTelemetry.Source.StartActivity("Send e-mail")?.SetTag(PacTelemetry.EmailTag, message.Key.ToString());
            try
            {
                // Sent before, or being sent by another delivery of the same blob (waited for): not this delivery's to send.
                // Sent after a wait means the other delivery had died and this one took its claim over.
                var (outcome, waited) = await SendOrWaitAsync(message, cancellationToken);
                span?.SetTag(PacTelemetry.OutcomeTag, outcome.ToString());
                switch ((outcome, waited))
                {
                    case (EmailOutcome.Sent, _):
                        sent++;
                        break;
                    case (_, true):
                        inFlight++;
                        break;
                    default:
                        alreadyHandled++;
                        break;
                }
            }
            catch (EmailSendException exception)
            {
                // The ledger has logged and recorded it; the next reminder run retries what is not permanent.
                LogLeftPending(logger, message.Key, exception.Permanent);
                PacTelemetry.RecordFailure(span, exception);
                pending++;
            }
        }

        return new NotificationOutcome(sent, alreadyHandled, inFlight, pending);
    }

    /// <returns>What the ledger said last, and whether another delivery held the e-mail when this one first asked.</returns>
    private async Task<(EmailOutcome Outcome, bool Waited)> SendOrWaitAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var timeout = ledger.ClaimTimeout;
        var poll = timeout / 4 < LongestPoll ? timeout / 4 : LongestPoll;
        // One poll past the timeout: a claim made just before this run started has gone stale by then.
        var waitUntil = clock.GetUtcNow() + (timeout + poll < LongestWait ? timeout + poll : LongestWait);
        var waited = false;
        EmailOutcome outcome;
        while ((outcome = await ledger.SendOnceAsync(message, cancellationToken)) == EmailOutcome.InFlight)
        {
            if (clock.GetUtcNow() >= waitUntil)
            {
                LogStillInFlight(logger, message.Key);
                break;
            }

            waited = true;
            await Task.Delay(poll, clock, cancellationToken);
        }

        return (outcome, waited);
    }

    private async IAsyncEnumerable<EmailMessage> MessagesAsync(Campaign? campaign, Submission submission, Centre? centre, ReportReading? reading,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One of a burst after its first: the reminder run tells HQ of the burst's others in one notice, and sends the
        // coordinator the receipt of its newest, once the burst is over.
        if (await bursts.GatheredIntoAsync(submission, cancellationToken) is { } first)
        {
            LogGathered(logger, submission.SubmissionId, submission.CentreId, first);
            yield break;
        }

        // With daily notices, the reminder run's daily summary tells HQ of this upload instead.
        if (options.Value.HqNotices == HqNotices.EachUpload)
        {
            yield return await hq.SubmissionReceivedAsync(submission, centre, reading, cancellationToken);
        }

        if (centre is null)
        {
            yield break;
        }

        yield return Reports.ContactFacts.IsAddress(centre.CoordinatorEmail)
            ? await coordinators.ReceiptAsync(campaign, submission, centre, reading, cancellationToken)
            : await hq.MissingAddressAsync(submission.Year, centre, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} from {Centre} is told of with the burst that began with {First}, once it is over")]
    private static partial void LogGathered(ILogger logger, string submissionId, string centre, string first);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key} was not sent now (permanent: {Permanent}); the ledger has it")]
    private static partial void LogLeftPending(ILogger logger, EmailKey key, bool permanent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key} is still being sent by another run; the reminder run takes it over if that run died")]
    private static partial void LogStillInFlight(ILogger logger, EmailKey key);
}

/// <summary>
/// What one delivery of a submission did with its e-mails: sent them, found them sent (or refused for good) before, found
/// another delivery sending them at that moment, or left them pending for the reminder run.
/// </summary>
public sealed record NotificationOutcome(int Sent, int AlreadyHandled, int InFlight, int Pending);
