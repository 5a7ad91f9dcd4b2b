using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Languages;
using PacSubmissions.Overview;
using PacSubmissions.Submissions;

namespace PacSubmissions.Messages;

/// <summary>What HQ wrote: to which centres, the subject and the text (the standard parts are added in each centre's language).</summary>
public sealed record MessageDraft(MessageAudience Audience, string Subject, string Text)
{
    public const int MaxSubjectLength = 150;
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// The message's id, the ledger key's detail: the same for the same campaign, subject and text, whichever state it
    /// is sent to, so a second post, a retry, or the same message sent to "all" after "incomplete" reaches no centre twice.
    /// </summary>
    public string Id(int year) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{year.ToString(CultureInfo.InvariantCulture)}\n{Subject.Trim()}\n{Text.ReplaceLineEndings("\n").Trim()}")))[..16];

    /// <summary>What is wrong with the draft, in HQ's words; empty when it can be sent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Subject))
        {
            problems.Add("Write a subject.");
        }
        else if (Subject.Any(char.IsControl))
        {
            problems.Add("The subject must be one line, without line breaks or tabs.");
        }
        else if (Subject.Trim().Length > MaxSubjectLength)
        {
            problems.Add($"The subject has {Subject.Trim().Length} characters: keep it to {MaxSubjectLength}.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            problems.Add("Write the message's text.");
        }
        else if (Text.Length > MaxTextLength)
        {
            problems.Add($"The text has {Text.Length} characters: keep it to {MaxTextLength}.");
        }

        return problems;
    }
}

/// <summary>One centre a message or invitation would go to; <see cref="NotSentBecause"/> says why it will not, if so.</summary>
public sealed record MessageRecipient(Centre Centre, CentreReportState State, bool HadItAlready, string? NotSentBecause)
{
    public bool WillBeSent => !HadItAlready && NotSentBecause is null;
}

/// <summary>The e-mail as the centres of one language will read it (composed for the first of them), and how many get it.</summary>
public sealed partial record LanguageSample(string Language, string LanguageName, int Centres, EmailMessage Email)
{
    /// <summary>
    /// The plain-text part as HQ's preview shows it: the centre's personal link is a credential (HQ sees one only
    /// through the audited "Show a new upload link"), so a placeholder stands for it.
    /// </summary>
    public string PreviewText => UploadLink().Replace(Email.Text, "[the centre's personal upload link]");

    [GeneratedRegex(@"https?://\S+/upload/\S+")]
    private static partial Regex UploadLink();
}

/// <summary>What a send would do, sending nothing: each centre of the audience, and the e-mail per language.</summary>
public sealed record MessagePreview(Campaign Campaign, IReadOnlyList<MessageRecipient> Recipients, IReadOnlyList<LanguageSample> Samples)
{
    public int ToSend => Recipients.Count(r => r.WillBeSent);
}

/// <summary>
/// What a send did: how many were sent and how many centres had it already; <see cref="NotSent"/> names each centre it
/// could not go to and why, <see cref="Failed"/> each whose e-mail the provider did not take, and why.
/// </summary>
public sealed record MessageResult(int Sent, int HadItAlready, IReadOnlyList<string> NotSent, IReadOnlyList<string> Failed)
{
    /// <summary>What HQ is told, and what the audit entry keeps.</summary>
    public string Summary =>
        $"{Sent} sent, {HadItAlready} had it already, {NotSent.Count} not sent, {Failed.Count} failed"
        + (NotSent.Count > 0 ? "; not sent: " + string.Join("; ", NotSent) : "")
        + (Failed.Count > 0 ? "; failed: " + string.Join("; ", Failed) : "");
}

/// <summary>
/// HQ's e-mails to many centres at once, the same for the dashboard and <c>pac</c>: "Invite all" (the invitation the
/// reminder run sends, <see cref="EmailKinds.Invitation"/>, to every active centre not yet invited) and "Message centres"
/// (HQ's own text to the centres of a state, <see cref="EmailKinds.Message"/>). Each previews first, sending nothing;
/// a send goes through the e-mail ledger under the same key a second post, a retry or the timer would use, so no centre
/// gets one twice, and writes one audit entry (who, which centres, how many). Bad input is refused with an
/// <see cref="OperationRefusedException"/> before anything is sent or recorded.
/// </summary>
public sealed class CentreMessages(
    CampaignStore campaigns,
    CentreRegister centres,
    SubmissionStore submissions,
    CentreDeadlines deadlines,
    EmailLedger ledger,
    CoordinatorEmails coordinatorEmails,
    AuditLog audit,
    IOptions<EmailOptions> emailOptions,
    TimeProvider clock)
{
    /// <summary>The audit log's actions.</summary>
    public const string Messaged = "message";
    public const string InvitedAll = "invite-all";

    private const string MessageBeforeOpening = "until then the centres' links take no uploads, so nothing was sent.";
    private const string InvitationBeforeOpening = "the invitations can go out from then (the hourly run sends them itself).";

    public async Task<MessagePreview> PreviewMessageAsync(int year, MessageDraft draft, CancellationToken cancellationToken)
    {
        Refuse(draft.Problems());
        var batch = await LoadAsync(year, MessageBeforeOpening, cancellationToken);
        return await PreviewAsync(batch, MessageRecipients(batch, draft), (own, centre) => ComposeMessageAsync(own, centre, draft, cancellationToken));
    }

    public async Task<MessageResult> SendMessageAsync(int year, MessageDraft draft, string who, CancellationToken cancellationToken)
    {
        Refuse(draft.Problems());
        var batch = await LoadAsync(year, MessageBeforeOpening, cancellationToken);
        var result = await SendAsync(MessageRecipients(batch, draft), (own, centre) => ComposeMessageAsync(own, centre, draft, cancellationToken), cancellationToken);
        await audit.RecordAsync(year, "", Messaged,
            $"'{draft.Subject.Trim()}' (message {draft.Id(year)}) to the centres {MessageAudiences.NameOf(draft.Audience)}: {result.Summary}", who, cancellationToken);
        return result;
    }

    public async Task<MessagePreview> PreviewInvitationsAsync(int year, CancellationToken cancellationToken)
    {
        var batch = await LoadAsync(year, InvitationBeforeOpening, cancellationToken);
        return await PreviewAsync(batch, InvitationRecipients(batch), (own, centre) => ComposeInvitationAsync(own, centre, cancellationToken));
    }

    public async Task<MessageResult> InviteAllAsync(int year, string who, CancellationToken cancellationToken)
    {
        var batch = await LoadAsync(year, InvitationBeforeOpening, cancellationToken);
        var result = await SendAsync(InvitationRecipients(batch), (own, centre) => ComposeInvitationAsync(own, centre, cancellationToken), cancellationToken);
        await audit.RecordAsync(year, "", InvitedAll, $"invitations: {result.Summary}", who, cancellationToken);
        return result;
    }

    private Task<EmailMessage> ComposeMessageAsync(Campaign own, Centre centre, MessageDraft draft, CancellationToken cancellationToken) =>
        coordinatorEmails.MessageAsync(own, centre, draft.Id(own.Year), draft.Subject, draft.Text, clock.GetUtcNow(), cancellationToken);

    private Task<EmailMessage> ComposeInvitationAsync(Campaign own, Centre centre, CancellationToken cancellationToken) =>
        coordinatorEmails.InvitationAsync(own, centre, emailOptions.Value.HqAddress, cancellationToken);

    /// <summary>The audience's centres; those that had this message (its key is done in the ledger) are marked, not dropped.</summary>
    private static List<Candidate> MessageRecipients(Batch batch, MessageDraft draft)
    {
        var id = draft.Id(batch.Campaign.Year);
        return [.. batch.Centres
            .Where(c => MessageAudiences.Includes(draft.Audience, c.State, batch.Now > c.Own.OnTimeUntil()))
            .Select(c => c with
            {
                Recipient = new MessageRecipient(c.Status.Centre, c.State, batch.Done(c, EmailKinds.Message, id), NoAddress(c.Status.Centre)),
            })];
    }

    /// <summary>Every active centre that has sent nothing; those invited before (by the timer or HQ) are marked, not dropped.</summary>
    private static List<Candidate> InvitationRecipients(Batch batch) =>
        [.. batch.Centres
            .Where(c => c.Status.Versions == 0)
            .Select(c => c with
            {
                Recipient = new MessageRecipient(c.Status.Centre, c.State, batch.Done(c, EmailKinds.Invitation, EmailKinds.Opening),
                    NoAddress(c.Status.Centre) ?? (batch.Now >= c.Own.Deadline ? "its deadline has passed: message it instead" : null)),
            })];

    private static string? NoAddress(Centre centre) =>
        Reports.ContactFacts.IsAddress(centre.CoordinatorEmail) ? null : $"no valid address in the register ('{centre.CoordinatorEmail}')";

    private static async Task<MessagePreview> PreviewAsync(Batch batch, List<Candidate> candidates, Func<Campaign, Centre, Task<EmailMessage>> compose)
    {
        var samples = new List<LanguageSample>();
        foreach (var language in candidates.Where(c => c.Recipient!.WillBeSent).GroupBy(c => Texts.For(c.Status.Centre.Language).Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = language.First();
            samples.Add(new LanguageSample(language.Key, Texts.For(language.Key).NativeName, language.Count(), await compose(first.Own, first.Status.Centre)));
        }

        return new MessagePreview(batch.Campaign, [.. candidates.Select(c => c.Recipient!)], samples);
    }

    private async Task<MessageResult> SendAsync(List<Candidate> candidates, Func<Campaign, Centre, Task<EmailMessage>> compose, CancellationToken cancellationToken)
    {
        var (sent, hadIt, failed) = (0, candidates.Count(c => c.Recipient!.HadItAlready), new List<string>());
        foreach (var candidate in candidates.Where(c => c.Recipient!.WillBeSent))
        {
            try
            {
                // The ledger's claim decides: another post, a retry or the timer that got there first means this one sends nothing.
                if (await ledger.SendOnceAsync(await compose(candidate.Own, candidate.Status.Centre), cancellationToken) == EmailOutcome.Sent)
                {
                    sent++;
                }
                else
                {
                    hadIt++;
                }
            }
            catch (EmailSendException exception)
            {
                // Recorded by the ledger (a failure for now may be sent again by another post); the others still go.
                failed.Add($"{candidate.Status.Centre.Id}: {exception.Message}");
            }
        }

        return new MessageResult(sent, hadIt,
            [.. candidates.Where(c => !c.Recipient!.HadItAlready && c.Recipient.NotSentBecause is not null).Select(c => $"{c.Status.Centre.Id} ({c.Recipient!.NotSentBecause})")],
            failed);
    }

    /// <summary>
    /// The campaign and where each active centre stands in it now; refused when there is none, before it opens
    /// (<paramref name="untilOpen"/> says what to do until then), or once its late uploads have closed.
    /// </summary>
    private async Task<Batch> LoadAsync(int year, string untilOpen, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(year, cancellationToken)
            ?? throw new OperationRefusedException($"There is no campaign {year}: open it first.");
        var now = clock.GetUtcNow();
        if (now < campaign.OpensAt)
        {
            throw new OperationRefusedException($"Campaign {year} opens on {CampaignSettings.Show(campaign.OpensAt, campaign.TimeZone)}: {untilOpen}");
        }

        if (now > campaign.LateUploadsCloseAt)
        {
            throw new OperationRefusedException(
                $"Late uploads for {year} closed on {CampaignSettings.Show(campaign.LateUploadsCloseAt, campaign.TimeZone)}: the centres' links no longer work, so nothing was sent.");
        }

        var extended = await deadlines.ListAsync(year, cancellationToken);
        var done = (await ledger.ListAsync(year, cancellationToken)).Where(e => e.Done).Select(e => e.Key).ToHashSet();
        var statuses = CentreStatus.Of(await centres.ListAsync(cancellationToken), await submissions.ListAsync(year, cancellationToken), now);
        return new Batch(campaign, now, done, [.. statuses.Select(s => new Candidate(s, CentreOverview.StateOf(s.Counting),
            campaign.ForCentre(extended.TryGetValue(s.Centre.Id, out var deadline) ? deadline : null), null))]);
    }

    private static void Refuse(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new OperationRefusedException("Nothing was sent: " + string.Join(" ", problems));
        }
    }

    /// <summary>An active centre, where it stands, the campaign as it lives it (its extension counted), and once chosen, as a recipient.</summary>
    private sealed record Candidate(CentreStatus Status, CentreReportState State, Campaign Own, MessageRecipient? Recipient);

    private sealed record Batch(Campaign Campaign, DateTimeOffset Now, IReadOnlySet<EmailKey> DoneKeys, IReadOnlyList<Candidate> Centres)
    {
        public bool Done(Candidate candidate, string kind, string detail) =>
            DoneKeys.Contains(new EmailKey(Campaign.Year, candidate.Status.Centre.Id, kind, detail));
    }
}
