using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Submissions;

namespace PacSubmissions.Reminders;

/// <summary>
/// Everything the planner decides from: the instant, one campaign, the register, that campaign's submissions, and the
/// keys the ledger holds as done (sent, or refused for good). Keys that failed for a while are not done: they are due again.
/// </summary>
public sealed record ReminderPlanInput(
    DateTimeOffset Now,
    Campaign Campaign,
    IReadOnlyList<Centre> Centres,
    IReadOnlyList<Submission> Submissions,
    IReadOnlySet<EmailKey> Done);
