using PacSubmissions.Campaigns;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Overview;

/// <summary>A centre's on-time record: by the version that counts, with the deadline HQ extended for it.</summary>
public sealed class OnTimeRecordTests
{
    private static readonly Campaign Campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero));

    private static Submission Upload(DateTimeOffset at, ReportStatus status = ReportStatus.Valid, DateTimeOffset? extended = null) =>
        new("kz-almaty", 2030, SubmissionBlob.NewSubmissionId(at), "2030/kz-almaty/x", "r.docx", 10, "00", at,
            Campaign.WindowAt(at, extended) == UploadWindow.Late, at, new SubmissionCheck(status, "docx", [], [], [], null, null, null, [], [], 1, 10));

    private static OnTimeOutcome Outcome(Submission? counting, DateTimeOffset? extended, DateTimeOffset now) =>
        OnTimeYear.Of(Campaign, counting, extended, now).Outcome;

    [Fact]
    public void AReportBeforeTheDeadlineIsOnTime() =>
        Assert.Equal(OnTimeOutcome.OnTime, Outcome(Upload(Campaign.Deadline.AddDays(-1)), null, Campaign.Deadline.AddDays(40)));

    [Fact]
    public void AReportAfterTheDeadlineAndItsGraceIsLate() =>
        Assert.Equal(OnTimeOutcome.Late, Outcome(Upload(Campaign.OnTimeUntil().AddMinutes(1)), null, Campaign.Deadline.AddDays(40)));

    [Fact]
    public void AReportAfterTheCampaignsDeadlineButBeforeTheCentresExtendedOneIsOnTimeByTheExtension()
    {
        var extended = Campaign.Deadline.AddDays(5);

        Assert.Equal(OnTimeOutcome.Extended, Outcome(Upload(Campaign.Deadline.AddDays(3), extended: extended), extended, Campaign.Deadline.AddDays(40)));
        // An extension the centre did not need leaves its record on time.
        Assert.Equal(OnTimeOutcome.OnTime, Outcome(Upload(Campaign.Deadline.AddDays(-3), extended: extended), extended, Campaign.Deadline.AddDays(40)));
    }

    [Fact]
    public void NoReadableReportIsMissingOnceLateUploadsCloseAndNotYetBefore()
    {
        var unreadable = Upload(Campaign.Deadline.AddDays(-1), ReportStatus.Unreadable);

        Assert.Equal(OnTimeOutcome.Missing, Outcome(null, null, Campaign.LateUploadsCloseAt.AddMinutes(1)));
        Assert.Equal(OnTimeOutcome.Missing, Outcome(unreadable, null, Campaign.LateUploadsCloseAt.AddMinutes(1)));
        Assert.Equal(OnTimeOutcome.NotYet, Outcome(unreadable, null, Campaign.LateUploadsCloseAt.AddMinutes(-1)));
        Assert.Null(OnTimeYear.Of(Campaign, unreadable, null, Campaign.LateUploadsCloseAt).Report);
    }

    [Fact]
    public void AnExtensionPastTheCloseOfLateUploadsKeepsTheCentreNotYetUntilItsOwnWindowCloses()
    {
        var extended = Campaign.LateUploadsCloseAt.AddDays(3);

        Assert.Equal(OnTimeOutcome.NotYet, Outcome(null, extended, Campaign.LateUploadsCloseAt.AddDays(1)));
        Assert.Equal(OnTimeOutcome.Missing, Outcome(null, extended, extended + Campaign.Grace + TimeSpan.FromMinutes(1)));
    }
}
