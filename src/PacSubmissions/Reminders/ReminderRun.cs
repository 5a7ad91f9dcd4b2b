using Microsoft.Extensions.Logging;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Submissions;

namespace PacSubmissions.Reminders;

/// <summary>A centre that has not yet sent an on-time report in a campaign that is open now.</summary>
public sealed record MissingReport(int Year, string CentreId, UploadWindow Window);

/// <summary>
/// The timer's work: find, for every open campaign, the centres still owing a report. For now it only reports them;
/// the e-mails themselves come with the reminders feature.
/// </summary>
public sealed partial class ReminderRun(
    CampaignStore campaigns,
    CentreRegister centres,
    SubmissionStore submissions,
    TimeProvider clock,
    ILogger<ReminderRun> logger)
{
    public async Task<IReadOnlyList<MissingReport>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var missing = new List<MissingReport>();
        var register = await centres.ListAsync(cancellationToken);
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            var window = campaign.WindowAt(now);
            if (window is UploadWindow.NotYetOpen or UploadWindow.Closed)
            {
                continue;
            }

            var reported = (await submissions.ListAsync(campaign.Year, cancellationToken))
                .Where(s => !s.Late)
                .Select(s => s.CentreId)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var centre in register.Where(c => c.Active && !reported.Contains(c.Id)))
            {
                missing.Add(new MissingReport(campaign.Year, centre.Id, window));
                LogMissing(logger, centre.Id, campaign.Year, window);
            }
        }

        return missing;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Centre {Centre} has no on-time report for {Year} yet (window: {Window}); it would be reminded")]
    private static partial void LogMissing(ILogger logger, string centre, int year, UploadWindow window);
}
