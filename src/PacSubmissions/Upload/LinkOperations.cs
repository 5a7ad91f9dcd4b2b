using System.Globalization;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>What a save into the register did: the changes it wrote, and one line per changed coordinator address (its new link).</summary>
public sealed record RegisterSaved(RegisterChanges Changes, IReadOnlyList<string> AddressChanges);

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
    CentreRegister centres,
    CampaignStore campaigns,
    FreshLinkLimits limits,
    IOptions<LinkOptions> options,
    TimeProvider clock)
{
    public const string Created = "copy-link";
    public const string Emailed = "resend-link";
    public const string Revoked = "revoke";
    public const string FreshLinkRequested = "fresh-link-request";
    public const string AddressChanged = "address-change";
    public const string RegisterChanged = "register-change";

    /// <summary>Who the audit log names for a fresh-link request: whoever holds the dead link, unknown to us.</summary>
    public const string FreshLinkRequester = "coordinator (fresh-link request)";

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
            throw new OperationRefusedException($"The register has no valid e-mail address for {centre.Name} ('{centre.CoordinatorEmail}'): correct it in the dashboard's centre register or with pac centres import.");
        }

        EmailMessage message;
        try
        {
            message = await SendLinkAsync(campaign, centre, LinkReason.HqSent, cancellationToken);
        }
        catch (EmailSendException exception)
        {
            throw new OperationRefusedException($"The e-mail to {centre.CoordinatorEmail.Trim()} was not sent: {exception.Message}");
        }

        await audit.RecordAsync(campaign.Year, centre.Id, Emailed, $"to {message.To} (e-mail {message.Key.Detail})", who, cancellationToken);
        return $"The upload link was e-mailed to {message.To}.";
    }

    /// <summary>Every link the centre was sent before now stops working; other centres' links are untouched.</summary>
    /// <returns>The instant before which the centre's links no longer work.</returns>
    public async Task<DateTimeOffset> RevokeAsync(Campaign campaign, Centre centre, string who, CancellationToken cancellationToken)
    {
        var at = await revocations.RevokeAsync(centre.Id, cancellationToken);
        await audit.RecordAsync(campaign.Year, centre.Id, Revoked,
            $"links issued before {Utc(at)}", who, cancellationToken);
        return at;
    }

    /// <summary>
    /// A fresh link asked for on a dead link's page. It is sent only when the token is one we signed (expired, revoked
    /// or of an older year), its centre is active with an address, a campaign is open for its uploads, and neither the
    /// centre nor the client address has had its share this <see cref="LinkOptions.FreshLinkInterval"/>; always to the
    /// register's address, in the centre's language. The caller answers the same whatever happened, so nothing here
    /// may throw for a bad link; the audit entry, written every time, says what happened and why.
    /// </summary>
    public async Task RequestFreshLinkAsync(string? token, string clientAddress, CancellationToken cancellationToken)
    {
        var link = links.ReadSigned(token);
        var centre = link is null ? null : await centres.FindAsync(link.CentreId, cancellationToken);
        var open = centre is { Active: true } ? await OpenCampaignAsync(centre.Id, cancellationToken) : null;
        var interval = options.Value.FreshLinkInterval;
        string outcome;
        if (!await limits.TryTakeClientAsync(clientAddress, cancellationToken))
        {
            outcome = $"not sent: this client address asked {FreshLinkLimits.RequestsPerClient} times within {interval}";
        }
        else if (link is null)
        {
            outcome = "not sent: the link is not one of ours (malformed or forged)";
        }
        else if (centre is null)
        {
            outcome = "not sent: the register has no such centre";
        }
        else if (!centre.Active)
        {
            outcome = "not sent: the centre is inactive";
        }
        else if (!Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
        {
            outcome = $"not sent: the register has no valid address for the centre ('{centre.CoordinatorEmail}')";
        }
        else if (open is null)
        {
            outcome = "not sent: no campaign is open for uploads";
        }
        else if (!await limits.TryTakeCentreAsync(centre.Id, cancellationToken))
        {
            outcome = $"not sent: a fresh link was sent to this centre within {interval}";
        }
        else
        {
            outcome = await SendNoticingFailureAsync(open, centre, LinkReason.FreshLinkRequested, cancellationToken);
        }

        var signed = link is null ? "" : $"a link of {link.CentreId} for {link.Year} issued {Utc(link.IssuedAt)} ({await DescribeAsync(link, open, cancellationToken)}); ";
        // Under the campaign the link was sent for, else the link's year, else (a forged link names nothing we trust)
        // this year's, where HQ looks during a campaign.
        await audit.RecordAsync(open?.Year ?? link?.Year ?? clock.GetUtcNow().Year, centre is null ? "" : centre.Id, FreshLinkRequested,
            $"{signed}from {clientAddress}: {outcome}", FreshLinkRequester, cancellationToken);
    }

    /// <summary>
    /// Saves centres into the register (from <c>pac centres import</c>, and the dashboard's register: its form, its
    /// deactivate button and its import), after the register's one check (<see cref="CentreCsv.Problems"/>: a centre
    /// that fails it, or an id given twice, refuses the whole save and writes nothing), writing only the centres that are
    /// new or differ, with one audit entry that says what changed. For each centre whose coordinator address changed,
    /// while a campaign is open for its uploads: revokes the links sent before (the old address is told nothing) and
    /// e-mails a new one to the new address, in one audit entry per centre.
    /// </summary>
    /// <returns>What changed, and what HQ is told: one line per changed address.</returns>
    public async Task<RegisterSaved> SaveCentresAsync(IReadOnlyList<Centre> given, string who, CancellationToken cancellationToken)
    {
        var problems = given.SelectMany(c => CentreCsv.Problems(c).Select(p => $"{c.Id}: {p.Message}"))
            .Concat(given.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"{g.Key}: the id is given more than once."))
            .ToList();
        if (problems.Count > 0)
        {
            throw new OperationRefusedException("Nothing was saved: " + string.Join(" ", problems));
        }

        var register = await centres.ListAsync(cancellationToken);
        var before = register.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changes = RegisterChanges.Between(register, given);
        await centres.SaveAllAsync(changes.ToSave, cancellationToken);
        await audit.RecordAsync(clock.GetUtcNow().Year, changes.Changes.Count == 1 ? changes.Changes[0].After.Id : "", RegisterChanged,
            changes.Describe(), who, cancellationToken);
        var told = new List<string>();
        foreach (var centre in changes.ToSave)
        {
            if (before.GetValueOrDefault(centre.Id) is not { } old
                || string.Equals(old.CoordinatorEmail.Trim(), centre.CoordinatorEmail.Trim(), StringComparison.OrdinalIgnoreCase)
                || !centre.Active
                || await OpenCampaignAsync(centre.Id, cancellationToken) is not { } open)
            {
                continue;
            }

            var revokedAt = await revocations.RevokeAsync(centre.Id, cancellationToken);
            var outcome = Reports.ContactFacts.IsAddress(centre.CoordinatorEmail)
                ? await SendNoticingFailureAsync(open, centre, LinkReason.AddressChanged, cancellationToken)
                : "no new link sent: the new address is not valid";
            var detail = $"coordinator address changed from '{old.CoordinatorEmail}' to '{centre.CoordinatorEmail}'; links issued before {Utc(revokedAt)} revoked; {outcome}";
            await audit.RecordAsync(open.Year, centre.Id, AddressChanged, detail, who, cancellationToken);
            told.Add($"{centre.Id}: {detail}");
        }

        return new RegisterSaved(changes, told);
    }

    /// <summary>Why a link of ours brought its holder to the dead-link page, as far as the link itself tells, for the audit log.</summary>
    private async Task<string> DescribeAsync(UploadLink link, Campaign? open, CancellationToken cancellationToken)
    {
        List<string> states = [];
        if (link.ExpiresAt < clock.GetUtcNow())
        {
            states.Add($"expired {Utc(link.ExpiresAt)}");
        }

        if (await revocations.IsRevokedAsync(link, cancellationToken))
        {
            states.Add("revoked");
        }

        if (open is not null && open.Year != link.Year)
        {
            states.Add($"an older campaign's than {open.Year}'s");
        }

        return states.Count == 0 ? "still working" : string.Join(", ", states);
    }

    /// <summary>The newest campaign taking this centre's uploads now (on time or late, its extension counted), if any.</summary>
    private async Task<Campaign?> OpenCampaignAsync(string centreId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var campaign in (await campaigns.ListAsync(cancellationToken)).OrderByDescending(c => c.Year))
        {
            var own = campaign.ForCentre(await deadlines.FindAsync(campaign.Year, centreId, cancellationToken));
            if (own.WindowAt(now) is UploadWindow.OnTime or UploadWindow.Late)
            {
                return campaign;
            }
        }

        return null;
    }

    /// <summary>A new link to the centre's address in the register, through the ledger, with a text that follows its state.</summary>
    private async Task<EmailMessage> SendLinkAsync(Campaign campaign, Centre centre, LinkReason reason, CancellationToken cancellationToken)
    {
        var ownCampaign = campaign.ForCentre(await deadlines.FindAsync(campaign.Year, centre.Id, cancellationToken));
        // The report that counts: the e-mail names a readable one, and says of an unreadable one that it could not be read.
        var report = CountingVersion.Of((await submissions.ListAsync(campaign.Year, cancellationToken)).Where(s => s.CentreId == centre.Id));
        // The key is new each time, so a link sent on purpose is never taken for a reminder already sent.
        var message = await coordinatorEmails.LinkAsync(ownCampaign, centre, report, clock.GetUtcNow(), Guid.NewGuid().ToString("N"), reason, cancellationToken);
        await ledger.SendOnceAsync(message, cancellationToken);
        return message;
    }

    /// <summary>Sends the link and says how it went, for an audit entry: a failed send is recorded there (and in the ledger), not thrown.</summary>
    private async Task<string> SendNoticingFailureAsync(Campaign campaign, Centre centre, LinkReason reason, CancellationToken cancellationToken)
    {
        try
        {
            var message = await SendLinkAsync(campaign, centre, reason, cancellationToken);
            return $"a new link was e-mailed to {message.To} (e-mail {message.Key.Detail})";
        }
        catch (EmailSendException exception)
        {
            return $"the new link to {centre.CoordinatorEmail.Trim()} was not sent: {exception.Message}";
        }
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
