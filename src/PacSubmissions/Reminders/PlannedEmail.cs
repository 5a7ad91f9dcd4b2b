using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Submissions;

namespace PacSubmissions.Reminders;

/// <summary>
/// An e-mail a run would send now: its ledger key, when it fell due, and why, in words for HQ's preview.
/// <see cref="Centre"/> and <see cref="Submission"/> are what the e-mail is about, when it is about one.
/// </summary>
public sealed record PlannedEmail(EmailKey Key, DateTimeOffset DueAt, string Reason, Centre? Centre = null, Submission? Submission = null)
{
    /// <summary>For reminders and late notices, the offset in days the key names.</summary>
    public int? Days { get; init; }

    /// <summary>For HQ's daily summary, the uploads it tells of.</summary>
    public IReadOnlyList<Submission> Uploads { get; init; } = [];
}
