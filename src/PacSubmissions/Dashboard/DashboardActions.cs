using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Dashboard;

/// <summary>What an action did, for the page HQ is sent back to: a message, and the link when one was asked for.</summary>
public sealed record ActionOutcome(string Notice, string? Link = null);

/// <summary>
/// HQ's actions on one centre's page, each handed to the operation of the feature that owns it (the same one
/// <c>pac</c> calls), which checks the input, does the work and writes the audit entry. An action refused for bad input
/// (an <see cref="OperationRefusedException"/>) records nothing and changes nothing.
/// </summary>
public sealed class DashboardActions(LinkOperations links, CampaignOperations campaigns, VersionOperations versions)
{
    public const string CopyLink = LinkOperations.Created;
    public const string ResendLink = LinkOperations.Emailed;
    public const string Extend = CampaignOperations.Extended;
    public const string Revoke = LinkOperations.Revoked;
    public const string Recheck = VersionOperations.Rechecked;
    public const string Choose = VersionOperations.Chosen;

    public static readonly IReadOnlyList<string> All = [CopyLink, ResendLink, Extend, Revoke, Recheck, Choose];

    /// <summary>Does <paramref name="action"/> with the posted <paramref name="form"/>, as <paramref name="who"/>.</summary>
    public async Task<ActionOutcome> RunAsync(
        Campaign campaign, Centre centre, string action, IReadOnlyDictionary<string, string> form, string who, CancellationToken cancellationToken)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) ? value : null;
        switch (action)
        {
            case CopyLink:
                var url = await links.CreateAsync(campaign, centre, who, cancellationToken);
                return new ActionOutcome("A new upload link was made; it works alongside the ones sent before.", url.ToString());
            case ResendLink:
                return new ActionOutcome(await links.EmailAsync(campaign, centre, who, cancellationToken));
            case Extend:
                var deadline = await campaigns.ExtendAsync(campaign, centre, Field("deadline"), who, cancellationToken);
                return new ActionOutcome($"{centre.Name}'s deadline is now {CampaignSettings.Show(deadline, campaign.TimeZone)}.");
            case Revoke:
                await links.RevokeAsync(campaign, centre, who, cancellationToken);
                return new ActionOutcome("Every link sent before now stops working. Make a new one to send.");
            case Recheck:
                return new ActionOutcome(await versions.RecheckAsync(campaign, centre, Field("submissionId"), who, cancellationToken));
            case Choose:
                return new ActionOutcome(await versions.ChooseAsync(campaign, centre, Field("submissionId"), who, cancellationToken));
            default:
                throw new OperationRefusedException($"There is no action '{action}'. Actions: {string.Join(", ", All)}.");
        }
    }
}
