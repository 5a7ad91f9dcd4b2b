using System.Text.Json.Serialization;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Overview;

/// <summary>Where a centre stands, as HQ's table shows it: by the upload that counts (<see cref="CountingVersion"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CentreReportState>))]
public enum CentreReportState
{
    [JsonStringEnumMemberName("not-yet")] NotYet,
    [JsonStringEnumMemberName("on-time")] OnTime,
    [JsonStringEnumMemberName("late")] Late,
    [JsonStringEnumMemberName("incomplete")] Incomplete,
    [JsonStringEnumMemberName("unreadable")] Unreadable,
    /// <summary>No upload of the centre could be read, and the newest failed processing every time (the poison queue); HQ was e-mailed about it.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>
/// One row of HQ's campaign table; <see cref="Undelivered"/> is the coordinator's newest e-mail SendGrid reported on
/// when that report was no delivery (bounced, blocked, dropped, spam), else null.
/// </summary>
public sealed record CentreOverview(
    Centre Centre,
    CentreReportState State,
    Submission? Counting,
    int Versions,
    IReadOnlyList<string> SectionsAnswered,
    int RemindersSent,
    DateTimeOffset? ExtendedDeadline,
    EmailRecord? Undelivered = null)
{
    /// <summary>
    /// An upload that could not be processed, or an unreadable or incomplete one, says more than its timing; a readable
    /// one is on time or late; an upload still being checked counts by its timing until its check arrives.
    /// </summary>
    public static CentreReportState StateOf(Submission? counting) => counting switch
    {
        null => CentreReportState.NotYet,
        { Failure: not null } => CentreReportState.Failed,
        { Check.Status: ReportStatus.Unreadable } => CentreReportState.Unreadable,
        { Check.Status: ReportStatus.Incomplete } => CentreReportState.Incomplete,
        { Late: true } => CentreReportState.Late,
        _ => CentreReportState.OnTime,
    };
}

/// <summary>A campaign at a glance: one row per active centre, and how many centres stand in each state.</summary>
public sealed record CampaignOverview(Campaign Campaign, IReadOnlyList<CentreOverview> Centres)
{
    public int Count(CentreReportState state) => Centres.Count(c => c.State == state);
}

/// <summary>Builds <see cref="CampaignOverview"/> from the register, the submissions, the e-mail ledger and the extensions.</summary>
public sealed class CampaignOverviews(
    CampaignStore campaigns,
    CentreRegister centres,
    SubmissionStore submissions,
    EmailLedger emails,
    CentreDeadlines deadlines,
    TimeProvider clock)
{
    public async Task<CampaignOverview?> LoadAsync(int year, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(year, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var register = await centres.ListAsync(cancellationToken);
        var received = await submissions.ListAsync(year, cancellationToken);
        var ledger = await emails.ListAsync(year, cancellationToken);
        var sent = ledger
            .Where(e => e.Status == EmailStatus.Sent && EmailKinds.IsChase(e.Key.Kind))
            .ToLookup(e => e.Key.Centre, StringComparer.Ordinal);
        var undelivered = UndeliveredByCentre(ledger);
        var extended = await deadlines.ListAsync(year, cancellationToken);
        return new CampaignOverview(campaign, [.. CentreStatus.Of(register, received, clock.GetUtcNow()).Select(status => new CentreOverview(
            status.Centre,
            CentreOverview.StateOf(status.Counting),
            status.Counting,
            status.Versions,
            status.Counting?.Check?.SectionsAnswered ?? [],
            sent[status.Centre.Id].Count(),
            extended.TryGetValue(status.Centre.Id, out var deadline) ? deadline : null,
            undelivered.GetValueOrDefault(status.Centre.Id)))]);
    }

    /// <summary>For each centre whose coordinator's newest e-mail with a delivery report did not arrive, that e-mail.</summary>
    private static Dictionary<string, EmailRecord> UndeliveredByCentre(IEnumerable<EmailRecord> ledger) => ledger
        .Where(e => e.Delivery is not null && EmailKinds.ToCoordinators.Contains(e.Key.Kind))
        .GroupBy(e => e.Key.Centre, StringComparer.Ordinal)
        .Select(g => g.MaxBy(e => e.Delivery!.At)!)
        .Where(e => e.Delivery!.NotDelivered)
        .ToDictionary(e => e.Key.Centre, StringComparer.Ordinal);
}
