using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Submissions;

namespace PacSubmissions.Reminders;

/// <summary>
/// Everything the planner decides from: the instant, one campaign, the register, that campaign's submissions, and the
/// keys the ledger holds as done (sent, or refused for good). Keys that failed for a while are not done: they are due again.
/// <see cref="ExtendedDeadlines"/> holds the deadlines HQ extended for single centres, by centre id; <see cref="HqNotices"/>
/// is how HQ hears of uploads (<c>Email:HqNotices</c>); <see cref="InvitedAt"/> when each centre's invitation was sent,
/// by centre id (the reminders it stood for are not sent after it); <see cref="UploadBurstWindow"/> how long after a
/// centre's upload its next ones are gathered into one notice (<c>Email:UploadBurstWindow</c>; zero: never, see <see cref="UploadBursts"/>).
/// </summary>
internal sealed record ReminderPlanInput(
    DateTimeOffset Now,
    Campaign Campaign,
    IReadOnlyList<Centre> Centres,
    IReadOnlyList<Submission> Submissions,
    IReadOnlySet<EmailKey> Done,
    IReadOnlyDictionary<string, DateTimeOffset>? ExtendedDeadlines = null,
    HqNotices HqNotices = HqNotices.EachUpload,
    IReadOnlyDictionary<string, DateTimeOffset>? InvitedAt = null,
    TimeSpan UploadBurstWindow = default)
{
    /// <summary>The campaign as this centre lives it (see <see cref="Campaign.ForCentre"/>).</summary>
    public Campaign CampaignFor(string centreId) =>
        Campaign.ForCentre(ExtendedDeadlines?.TryGetValue(centreId, out var deadline) == true ? deadline : null);
}
