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
/// link alike, so that no answer tells which centres or campaigns exist.
/// </summary>
public sealed class UploadAccess(UploadLinks links, LinkRevocations revocations, CentreRegister centres, CampaignStore campaigns, CentreDeadlines deadlines)
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

        return new UploadContext(link, centre, campaign, await deadlines.FindAsync(campaign.Year, centre.Id, cancellationToken));
    }
}
