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
    public async Task SendAsync(Submission submission, Centre? centre, ReportReading? reading, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(submission.Year, cancellationToken);
        foreach (var message in Messages(campaign, submission, centre, reading))
        {
            try
            {
                await ledger.SendOnceAsync(message, cancellationToken);
            }
            catch (EmailSendException exception)
            {
                // The ledger has logged and recorded it; the next reminder run retries what is not permanent.
                LogLeftPending(logger, message.Key, exception.Permanent);
            }
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
}
