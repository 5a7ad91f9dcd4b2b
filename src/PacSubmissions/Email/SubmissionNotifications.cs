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
/// </summary>
public sealed partial class SubmissionNotifications(
    CampaignStore campaigns,
    HqEmails hq,
    CoordinatorEmails coordinators,
    EmailLedger ledger,
    ILogger<SubmissionNotifications> logger)
{
    public async Task<NotificationOutcome> SendAsync(Submission submission, Centre? centre, ReportReading? reading, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(submission.Year, cancellationToken);
        var (sent, alreadyHandled, inFlight, pending) = (0, 0, 0, 0);
        foreach (var message in Messages(campaign, submission, centre, reading))
        {
            try
            {
                // Sent before, or being sent right now by another delivery of the same blob: not this delivery's to send.
                switch (await ledger.SendOnceAsync(message, cancellationToken))
                {
                    case EmailOutcome.Sent:
                        sent++;
                        break;
                    case EmailOutcome.InFlight:
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
                pending++;
            }
        }

        return new NotificationOutcome(sent, alreadyHandled, inFlight, pending);
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
}

/// <summary>
/// What one delivery of a submission did with its e-mails: sent them, found them sent (or refused for good) before, found
/// another delivery sending them at that moment, or left them pending for the reminder run.
/// </summary>
public sealed record NotificationOutcome(int Sent, int AlreadyHandled, int InFlight, int Pending);
