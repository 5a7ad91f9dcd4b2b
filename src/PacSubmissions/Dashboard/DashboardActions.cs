using System.Globalization;
using Microsoft.Extensions.Logging;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Dashboard;

/// <summary>What an action did, for the page HQ is sent back to: a message, and the link when one was asked for.</summary>
public sealed record ActionOutcome(string Notice, string? Link = null);

/// <summary>
/// HQ's actions on one centre. Each does its work through the service that owns it, then records who did what in the
/// <see cref="AuditLog"/>; an action refused for bad input records nothing and changes nothing.
/// </summary>
public sealed partial class DashboardActions(
    UploadLinks links,
    CoordinatorEmails coordinatorEmails,
    EmailLedger ledger,
    CentreDeadlines deadlines,
    LinkRevocations revocations,
    SubmissionStore submissions,
    SubmissionProcessor processor,
    PacStorage storage,
    AuditLog audit,
    TimeProvider clock,
    ILogger<DashboardActions> logger)
{
    public const string CopyLink = "copy-link";
    public const string ResendLink = "resend-link";
    public const string Extend = "extend";
    public const string Revoke = "revoke";
    public const string Recheck = "recheck";
    public const string Choose = "choose-version";

    public static readonly IReadOnlyList<string> All = [CopyLink, ResendLink, Extend, Revoke, Recheck, Choose];

    /// <summary>Does <paramref name="action"/>; a <see cref="DashboardInputException"/> says what was wrong with the input.</summary>
    public async Task<ActionOutcome> RunAsync(
        Campaign campaign, Centre centre, string action, IReadOnlyDictionary<string, string> form, string who, CancellationToken cancellationToken)
    {
        var (outcome, detail) = action switch
        {
            CopyLink => CreateLink(campaign, centre),
            ResendLink => await ResendAsync(campaign, centre, cancellationToken),
            Extend => await ExtendAsync(campaign, centre, form, cancellationToken),
            Revoke => await RevokeAsync(centre, cancellationToken),
            Recheck => await RecheckAsync(campaign, centre, form, cancellationToken),
            Choose => await ChooseAsync(campaign, centre, form, cancellationToken),
            _ => throw new DashboardInputException($"There is no action '{action}'. Actions: {string.Join(", ", All)}."),
        };
        await audit.RecordAsync(campaign.Year, centre.Id, action, detail, who, cancellationToken);
        LogAction(logger, action, centre.Id, campaign.Year, who);
        return outcome;
    }

    private (ActionOutcome, string) CreateLink(Campaign campaign, Centre centre)
    {
        var url = links.CreateUrl(centre.Id, campaign).ToString();
        return (new ActionOutcome("A new upload link was made; it works alongside the ones sent before.", url), "link shown");
    }

    private async Task<(ActionOutcome, string)> ResendAsync(Campaign campaign, Centre centre, CancellationToken cancellationToken)
    {
        if (!EmailKinds.IsValidAddress(centre.CoordinatorEmail))
        {
            throw new DashboardInputException($"The register has no valid e-mail address for {centre.Name} ('{centre.CoordinatorEmail}'): correct it with pac centres import.");
        }

        // The text follows the centre's state (reported, not yet, late); the key is new each time, so HQ's re-send is
        // never taken for a reminder already sent.
        var ownCampaign = campaign.ForCentre(await deadlines.FindAsync(campaign.Year, centre.Id, cancellationToken));
        // The report that counts, if the centre has one that could be read: an unreadable upload is no report to name.
        var counting = CountingVersion.Of((await submissions.ListAsync(campaign.Year, cancellationToken)).Where(s => s.CentreId == centre.Id));
        var report = counting is not null && CountingVersion.IsReadable(counting) ? counting : null;
        var detail = Guid.NewGuid().ToString("N");
        var message = await coordinatorEmails.LinkAsync(ownCampaign, centre, report, clock.GetUtcNow(), detail, cancellationToken);
        try
        {
            await ledger.SendOnceAsync(message, cancellationToken);
        }
        catch (EmailSendException exception)
        {
            throw new DashboardInputException($"The e-mail to {message.To} was not sent: {exception.Message}");
        }

        return (new ActionOutcome($"The upload link was e-mailed to {message.To}."), $"to {message.To} (e-mail {detail})");
    }

    private async Task<(ActionOutcome, string)> ExtendAsync(Campaign campaign, Centre centre, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        if (!form.TryGetValue("deadline", out var text) || string.IsNullOrWhiteSpace(text))
        {
            throw new DashboardInputException("Give the new deadline: a date (2027-08-15) or a date and time (2027-08-15T23:59).");
        }

        DateTimeOffset deadline;
        try
        {
            deadline = CampaignSettings.Instant(text, campaign.TimeZone, endOfDay: true);
        }
        catch (FormatException exception)
        {
            throw new DashboardInputException(exception.Message);
        }

        if (deadline <= campaign.Deadline)
        {
            throw new DashboardInputException($"The new deadline must come after the campaign's ({CampaignSettings.Show(campaign.Deadline, campaign.TimeZone)}).");
        }

        if (deadline > campaign.LateUploadsCloseAt)
        {
            throw new DashboardInputException($"The new deadline must come before late uploads close ({CampaignSettings.Show(campaign.LateUploadsCloseAt, campaign.TimeZone)}).");
        }

        await deadlines.ExtendAsync(campaign.Year, centre.Id, deadline, cancellationToken);
        var shown = CampaignSettings.Show(deadline, campaign.TimeZone);
        return (new ActionOutcome($"{centre.Name}'s deadline is now {shown}."), $"deadline {shown}");
    }

    private async Task<(ActionOutcome, string)> RevokeAsync(Centre centre, CancellationToken cancellationToken)
    {
        var at = await revocations.RevokeAsync(centre.Id, cancellationToken);
        return (new ActionOutcome("Every link sent before now stops working. Make a new one to send."),
            $"links issued before {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
    }

    /// <summary>The version the form names (<c>submissionId</c>), or the reason it names none of this centre's.</summary>
    private async Task<Submission> VersionAsync(Campaign campaign, Centre centre, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        if (!form.TryGetValue("submissionId", out var id) || !SubmissionBlob.IsValidSubmissionId(id)
            || await submissions.FindAsync(campaign.Year, centre.Id, id, cancellationToken) is not { } version)
        {
            throw new DashboardInputException($"{centre.Name} has no version '{(form.TryGetValue("submissionId", out var given) ? given : "")}' in {campaign.Year}.");
        }

        return version;
    }

    private async Task<(ActionOutcome, string)> RecheckAsync(Campaign campaign, Centre centre, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(campaign, centre, form, cancellationToken);
        var id = version.SubmissionId;

        try
        {
            await processor.ProcessAsync(storage.Reports.GetBlobClient(version.BlobName), cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // The stored blob itself is wrong (no upload metadata, changed after upload): HQ needs the reason, not a 500.
            throw new DashboardInputException($"{version.OriginalFileName} could not be checked again: {exception.Message}");
        }

        var checkedAgain = await submissions.FindAsync(campaign.Year, centre.Id, id, cancellationToken);
        var status = checkedAgain?.Check?.Status.ToString() ?? "not checked";
        return (new ActionOutcome($"{version.OriginalFileName} was checked again: {status}."), $"version {id} ({version.OriginalFileName}): {status}");
    }

    private async Task<(ActionOutcome, string)> ChooseAsync(Campaign campaign, Centre centre, IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(campaign, centre, form, cancellationToken);
        if (version.MarkedMalicious())
        {
            throw new DashboardInputException($"{version.OriginalFileName} was marked malicious by the malware scan; it cannot be the version that counts.");
        }

        await submissions.ChooseAsync(version, clock.GetUtcNow(), cancellationToken);
        var received = CampaignSettings.Show(version.ReceivedAt, campaign.TimeZone);
        return (new ActionOutcome($"{version.OriginalFileName} (received {received}) now counts for {centre.Name}, until the centre sends a readable version after this choice."),
            $"version {version.SubmissionId} ({version.OriginalFileName}, received {received}) counts");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard action {Action} on {Centre} ({Year}) by {Who}")]
    private static partial void LogAction(ILogger logger, string action, string centre, int year, string who);
}

/// <summary>Input HQ can correct: the message says what was wrong and what to give instead.</summary>
public sealed class DashboardInputException(string message) : Exception(message);
