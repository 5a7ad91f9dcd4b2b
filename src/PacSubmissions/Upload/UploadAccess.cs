using PacSubmissions.Campaigns;
using PacSubmissions.Centres;

namespace PacSubmissions.Upload;

/// <summary>What a valid link opens: the centre, its campaign, and the deadline that applies to this centre.</summary>
public sealed record UploadContext(UploadLink Link, Centre Centre, Campaign Campaign, DateTimeOffset? ExtendedDeadline)
{
    public DateTimeOffset Deadline => ExtendedDeadline ?? Campaign.Deadline;

    public UploadWindow WindowAt(DateTimeOffset instant) => Campaign.WindowAt(instant, ExtendedDeadline);
}

/// <summary>
/// Turns a token into an <see cref="UploadContext"/>, or null for a tampered, expired, revoked, other-year or unknown
/// link alike, and for one whose centre's late window has closed, so that no answer tells which centres or campaigns exist.
/// </summary>
public sealed class UploadAccess(
    UploadLinks links, LinkRevocations revocations, CentreRegister centres, CampaignStore campaigns, CentreDeadlines deadlines, TimeProvider clock)
{
    public async Task<UploadContext?> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        var link = links.Verify(token);
        if (link is null || await revocations.IsRevokedAsync(link, cancellationToken))
        {
            return null;
        }

        var centre = await centres.FindAsync(link.CentreId, cancellationToken);
        var campaign = centre is { Active: true } ? await campaigns.FindAsync(link.Year, cancellationToken) : null;
        if (centre is null || campaign is null)
        {
            return null;
        }

        // The centre's own late window, with any extension as it stands now (even one granted after the link was sent),
        // not the token's expiry: the link dies when uploads close for this centre.
        var extended = await deadlines.FindAsync(campaign.Year, centre.Id, cancellationToken);
        return clock.GetUtcNow() > campaign.ForCentre(extended).LateUploadsCloseAt
            ? null
            : new UploadContext(link, centre, campaign, extended);
    }
}
