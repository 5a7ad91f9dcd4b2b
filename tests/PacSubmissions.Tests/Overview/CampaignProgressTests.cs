using PacSubmissions.Campaigns;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Overview;

/// <summary>The progress chart's series: one day per day in HQ's zone, counting each centre's readable report that counts once.</summary>
public sealed class CampaignProgressTests
{
    private const string Hq = "Europe/Amsterdam";

    // Opens 1 June 2030 00:30 in Amsterdam (31 May 22:30 UTC); deadline 10 June 23:59:59 Amsterdam.
    private static readonly Campaign Campaign = new(2030, new DateTimeOffset(2030, 5, 31, 22, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2030, 6, 10, 21, 59, 59, TimeSpan.Zero), Hq, Campaign.DefaultGrace, new DateTimeOffset(2030, 6, 20, 21, 59, 59, TimeSpan.Zero));

    private static Submission Upload(string centre, DateTimeOffset at, ReportStatus status) =>
        new(centre, 2030, SubmissionBlob.NewSubmissionId(at), $"2030/{centre}/x", "r.docx", 10, "00", at, at > Campaign.OnTimeUntil(), at,
            new SubmissionCheck(status, "docx", [], [], [], null, null, null, [], [], 1, 10));

    private static CentreOverview Row(string id, Submission? counting) =>
        new(TestData.Centre(id), CentreOverview.StateOf(counting), counting, counting is null ? 0 : 1, [], 0, null);

    [Fact]
    public void EachDayFromTheOpeningToTodayCountsTheReportsThatArrivedAndAllSoFar()
    {
        var overview = new CampaignOverview(Campaign,
        [
            // 2 June 23:30 UTC is already 3 June in Amsterdam: HQ's day, not UTC's.
            Row("a", Upload("a", new DateTimeOffset(2030, 6, 2, 23, 30, 0, TimeSpan.Zero), ReportStatus.Valid)),
            Row("b", Upload("b", new DateTimeOffset(2030, 6, 3, 8, 0, 0, TimeSpan.Zero), ReportStatus.Incomplete)),
            Row("c", Upload("c", new DateTimeOffset(2030, 6, 5, 8, 0, 0, TimeSpan.Zero), ReportStatus.Valid)),
            // An unreadable file is not a report; a centre with nothing is counted in the total only.
            Row("d", Upload("d", new DateTimeOffset(2030, 6, 4, 8, 0, 0, TimeSpan.Zero), ReportStatus.Unreadable)),
            Row("e", null),
        ]);

        var progress = CampaignProgress.Of(overview, new DateTimeOffset(2030, 6, 5, 12, 0, 0, TimeSpan.Zero), Hq);

        Assert.Equal(
        [
            (new DateOnly(2030, 6, 1), 0, 0), (new DateOnly(2030, 6, 2), 0, 0), (new DateOnly(2030, 6, 3), 2, 2),
            (new DateOnly(2030, 6, 4), 0, 2), (new DateOnly(2030, 6, 5), 1, 3),
        ], progress.Days.Select(d => (d.Day, d.Arrived, d.SoFar)));
        Assert.Equal(5, progress.Centres);
        Assert.Equal(5, progress.DaysLeft);
        Assert.Equal(new DateOnly(2030, 6, 10), progress.LastDay);
    }

    [Theory]
    [InlineData("2030-06-10T21:00:00Z", 0)]
    [InlineData("2030-06-10T22:30:00Z", -1)]
    [InlineData("2030-06-09T21:59:00Z", 1)]
    public void DaysLeftAreCountedOnHqsCalendar(string now, int daysLeft) =>
        Assert.Equal(daysLeft, CampaignProgress.Of(new CampaignOverview(Campaign, []), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Hq).DaysLeft);

    [Fact]
    public void AfterLateUploadsCloseTheSeriesStopsAtTheirLastDay()
    {
        var progress = CampaignProgress.Of(new CampaignOverview(Campaign, [Row("a", null)]), new DateTimeOffset(2030, 8, 1, 0, 0, 0, TimeSpan.Zero), Hq);

        Assert.Equal(20, progress.Days.Count);
        Assert.Equal(new DateOnly(2030, 6, 20), progress.Days[^1].Day);
        Assert.Equal(new DateOnly(2030, 6, 20), progress.LastDay);
    }

    [Fact]
    public void BeforeTheOpeningThereIsNoDayToShow() =>
        Assert.Empty(CampaignProgress.Of(new CampaignOverview(Campaign, [Row("a", null)]), new DateTimeOffset(2030, 5, 20, 0, 0, 0, TimeSpan.Zero), Hq).Days);
}
