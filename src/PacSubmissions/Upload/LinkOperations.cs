using System.Globalization;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>
/// HQ's operations on a centre's upload links, the same for the dashboard and <c>pac</c>: make a new link, e-mail it
/// to the coordinator, revoke the ones sent before. Each refuses bad input with an <see cref="OperationRefusedException"/>
/// (changing and recording nothing) and otherwise writes one <see cref="AuditLog"/> entry naming who did it.
/// </summary>
public sealed class LinkOperations(
    UploadLinks links,
    LinkRevocations revocations,
    CoordinatorEmails coordinatorEmails,
    EmailLedger ledger,
    CentreDeadlines deadlines,
    SubmissionStore submissions,
    AuditLog audit,
    TimeProvider clock)
{
    public const string Created = "copy-link";
    public const string Emailed = "resend-link";
    public const string Revoked = "revoke";

    /// <summary>A new personal upload link for the centre; it works alongside the ones sent before.</summary>
    public async Task<Uri> CreateAsync(Campaign campaign, Centre centre, string who, CancellationToken cancellationToken)
    {
        var url = links.CreateUrl(centre.Id, campaign);
        await audit.RecordAsync(campaign.Year, centre.Id, Created, "link shown", who, cancellationToken);
        return url;
    }

    /// <summary>E-mails the coordinator a new link, with a text that follows the centre's state (reported, not yet, late).</summary>
    /// <returns>What HQ is told: the address it was sent to.</returns>
    public async Task<string> EmailAsync(Campaign campaign, Centre centre, string who, CancellationToken cancellationToken)
    {
        if (!Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
        {
            throw new OperationRefusedException($"The register has no valid e-mail address for {centre.Name} ('{centre.CoordinatorEmail}'): correct it with pac centres import.");
        }

        var ownCampaign = campaign.ForCentre(await deadlines.FindAsync(campaign.Year, centre.Id, cancellationToken));
        // The report that counts: the e-mail names a readable one, and says of an unreadable one that it could not be read.
        var report = CountingVersion.Of((await submissions.ListAsync(campaign.Year, cancellationToken)).Where(s => s.CentreId == centre.Id));
        // The key is new each time, so HQ's re-send is never taken for a reminder already sent.
        var detail = Guid.NewGuid().ToString("N");
        var message = await coordinatorEmails.LinkAsync(ownCampaign, centre, report, clock.GetUtcNow(), detail, cancellationToken);
        try
        {
            await ledger.SendOnceAsync(message, cancellationToken);
        }
        catch (EmailSendException exception)
        {
            throw new OperationRefusedException($"The e-mail to {message.To} was not sent: {exception.Message}");
        }

        await audit.RecordAsync(campaign.Year, centre.Id, Emailed, $"to {message.To} (e-mail {detail})", who, cancellationToken);
        return $"The upload link was e-mailed to {message.To}.";
    }

    /// <summary>Every link the centre was sent before now stops working; other centres' links are untouched.</summary>
    /// <returns>The instant before which the centre's links no longer work.</returns>
    public async Task<DateTimeOffset> RevokeAsync(Campaign campaign, Centre centre, string who, CancellationToken cancellationToken)
    {
        var at = await revocations.RevokeAsync(centre.Id, cancellationToken);
        await audit.RecordAsync(campaign.Year, centre.Id, Revoked,
            $"links issued before {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC", who, cancellationToken);
        return at;
    }
}
