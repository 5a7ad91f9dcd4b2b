using PacSubmissions.Audit;
using PacSubmissions.Centres;
using PacSubmissions.Forms;

namespace PacSubmissions.Campaigns;

/// <summary>
/// HQ's operations on a campaign and its deadlines, the same for the dashboard and <c>pac</c>: each checks its input
/// once, refuses bad input with an <see cref="OperationRefusedException"/> (changing and recording nothing), and
/// otherwise writes one <see cref="AuditLog"/> entry naming who did it.
/// </summary>
public sealed class CampaignOperations(
    CampaignStore campaigns,
    CentreDeadlines deadlines,
    AuditLog audit,
    TimeProvider clock)
{
    public const string Saved = "campaign-saved";
    public const string Extended = "extend";
    public const string ExtensionCleared = "extension-cleared";

    /// <summary>
    /// Creates the year's campaign, or changes its dates, from what HQ typed; <paramref name="formVersion"/> names the
    /// form its reports are read against (the current one when null).
    /// </summary>
    public async Task<Campaign> OpenAsync(CampaignSettings settings, string? formVersion, string who, CancellationToken cancellationToken)
    {
        var (campaign, problem) = settings.ToCampaign(clock.GetUtcNow());
        if (campaign is null)
        {
            throw new OperationRefusedException(problem!);
        }

        if (formVersion is not null)
        {
            if (FormDefinitions.Find(formVersion) is null)
            {
                throw new OperationRefusedException(
                    $"The campaign's form: no form definition is named \"{formVersion}\"; this version of the app has {string.Join(", ", FormDefinitions.Versions)}.");
            }

            campaign = campaign with { FormVersion = formVersion };
        }

        await campaigns.SaveAsync(campaign, cancellationToken);
        await audit.RecordAsync(campaign.Year, "", Saved,
            $"opens {CampaignSettings.Show(campaign.OpensAt, campaign.TimeZone)}, deadline {CampaignSettings.Show(campaign.Deadline, campaign.TimeZone)} {campaign.TimeZone}, " +
            $"grace {campaign.Grace.TotalMinutes:0} min, late uploads until {CampaignSettings.Show(campaign.LateUploadsCloseAt, campaign.TimeZone)}, form {campaign.FormVersion}",
            who, cancellationToken);
        return campaign;
    }

    /// <summary>
    /// Gives one centre a later deadline: <paramref name="deadline"/> is a date (its end) or a date and time in the
    /// campaign's zone, after the campaign's deadline and before late uploads close.
    /// </summary>
    public async Task<DateTimeOffset> ExtendAsync(Campaign campaign, Centre centre, string? deadline, string who, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(deadline))
        {
            throw new OperationRefusedException("Give the new deadline: a date (2027-08-15) or a date and time (2027-08-15T23:59).");
        }

        DateTimeOffset extended;
        try
        {
            extended = CampaignSettings.Instant(deadline, campaign.TimeZone, endOfDay: true);
        }
        catch (FormatException exception)
        {
            throw new OperationRefusedException(exception.Message);
        }

        if (extended <= campaign.Deadline)
        {
            throw new OperationRefusedException($"The new deadline must come after the campaign's ({CampaignSettings.Show(campaign.Deadline, campaign.TimeZone)}).");
        }

        if (extended > campaign.LateUploadsCloseAt)
        {
            throw new OperationRefusedException($"The new deadline must come before late uploads close ({CampaignSettings.Show(campaign.LateUploadsCloseAt, campaign.TimeZone)}).");
        }

        await deadlines.ExtendAsync(campaign.Year, centre.Id, extended, cancellationToken);
        await audit.RecordAsync(campaign.Year, centre.Id, Extended, $"deadline {CampaignSettings.Show(extended, campaign.TimeZone)}", who, cancellationToken);
        return extended;
    }

    /// <summary>Takes one centre's extension away: the campaign's deadline applies to it again.</summary>
    public async Task ClearExtensionAsync(Campaign campaign, Centre centre, string who, CancellationToken cancellationToken)
    {
        await deadlines.RemoveAsync(campaign.Year, centre.Id, cancellationToken);
        await audit.RecordAsync(campaign.Year, centre.Id, ExtensionCleared,
            $"the campaign's deadline applies again ({CampaignSettings.Show(campaign.Deadline, campaign.TimeZone)})", who, cancellationToken);
    }
}
