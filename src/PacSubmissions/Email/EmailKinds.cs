namespace PacSubmissions.Email;

/// <summary>The kinds of e-mail (the third part of an <see cref="EmailKey"/>), and who the centre part names for HQ's own.</summary>
public static class EmailKinds
{
    /// <summary>The centre part of the key for e-mails about the whole campaign, sent to HQ.</summary>
    public const string Hq = "hq";

    public const string Reminder = "reminder";
    public const string LateNotice = "late-notice";
    public const string Receipt = "receipt";

    /// <summary>
    /// A reminder and a late notice to a centre whose report that counts is incomplete or unreadable: their own kinds, so
    /// one sent to a centre with nothing is no reason to hold back one saying what its report lacks. The detail is the days.
    /// </summary>
    public const string NeedsWorkReminder = "needs-work-reminder";
    public const string NeedsWorkLateNotice = "needs-work-late-notice";

    /// <summary>
    /// The invitation an active centre gets when its campaign opens (or, added to the register later, at the next run):
    /// its link, the deadline, what the report must contain and whom to ask. One per centre and campaign, detail
    /// <see cref="Opening"/>.
    /// </summary>
    public const string Invitation = "invitation";

    /// <summary>The invitation's detail: there is one per centre and campaign.</summary>
    public const string Opening = "opening";

    /// <summary>HQ re-sent a centre's link from the dashboard; the detail is unique per re-send.</summary>
    public const string LinkResent = "link-resent";

    /// <summary>A fresh link asked for on a dead link's page (at most one per centre an hour); the detail is unique per link.</summary>
    public const string FreshLink = "fresh-link";

    /// <summary>The link sent to a coordinator's new address when the register changes it; the detail is unique per change.</summary>
    public const string AddressChanged = "address-changed";
    public const string SubmissionReceived = "submission-received";

    /// <summary>HQ is told a report failed processing every time (the blob trigger's poison queue); once per submission.</summary>
    public const string ProcessingFailed = "processing-failed";
    public const string MissingAddress = "missing-address";

    /// <summary>HQ is told a coordinator's address bounced or was dropped (SendGrid's Event Webhook); once per address, the detail.</summary>
    public const string AddressFailed = "address-failed";
    public const string WeeklyDigest = "weekly-digest";
    public const string ClosingSummary = "closing-summary";

    /// <summary>HQ's summary of the last day's uploads when <c>Email:HqNotices</c> is <c>Daily</c>; the detail is the day it is sent (UTC).</summary>
    public const string DailySummary = "daily-summary";

    /// <summary>
    /// HQ's one notice of the uploads a centre sent in a burst after the one HQ was told of at once
    /// (<c>Email:UploadBurstWindow</c>); the detail is the burst's first submission id.
    /// </summary>
    public const string UploadBurst = "upload-burst";

    /// <summary>The closing summaries' details: the day after the deadline, and after the late window.</summary>
    public const string AfterDeadline = "after-deadline";
    public const string AfterLateWindow = "after-late-window";

    /// <summary>Every kind of e-mail a centre's coordinator gets (the others go to HQ): each is written in the centre's language.</summary>
    public static readonly IReadOnlyList<string> ToCoordinators = [Invitation, Reminder, LateNotice, NeedsWorkReminder, NeedsWorkLateNotice, Receipt, LinkResent, FreshLink, AddressChanged];

    /// <summary>Whether a kind chases a centre for its report: a reminder or a late notice, of either sort.</summary>
    public static bool IsChase(string kind) => kind is Reminder or LateNotice or NeedsWorkReminder or NeedsWorkLateNotice;

    /// <summary>A reminder's or late notice's detail: how many days before or after the deadline it is for ("7d").</summary>
    public static string DaysDetail(int days) => days.ToString(System.Globalization.CultureInfo.InvariantCulture) + "d";
}
