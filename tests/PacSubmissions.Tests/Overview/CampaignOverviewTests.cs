using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Overview;

public sealed class CampaignOverviewTests
{
    private static readonly DateTimeOffset Received = new(2030, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static Submission Upload(string centre, DateTimeOffset at, bool late, ReportStatus? status) =>
        new(centre, 2030, SubmissionBlobId(at), $"2030/{centre}/{SubmissionBlobId(at)}", "r.docx", 10, "00", at, late, at,
            status is { } s ? new SubmissionCheck(s, "docx", [], [], s == ReportStatus.Valid ? ["centre"] : [], null, null, null, [], [], 1, 10) : null);

    private static string SubmissionBlobId(DateTimeOffset at) => PacSubmissions.Submissions.SubmissionBlob.NewSubmissionId(at);

    [Theory]
    [InlineData(null, false, CentreReportState.OnTime)]
    [InlineData(ReportStatus.Valid, false, CentreReportState.OnTime)]
    [InlineData(ReportStatus.Valid, true, CentreReportState.Late)]
    [InlineData(ReportStatus.Incomplete, false, CentreReportState.Incomplete)]
    [InlineData(ReportStatus.Unreadable, true, CentreReportState.Unreadable)]
    public void StateFollowsTheNewestUpload(ReportStatus? status, bool late, CentreReportState expected) =>
        Assert.Equal(expected, CentreOverview.StateOf(Upload("kz-almaty", Received, late, status)));

    [Fact]
    public void CentreWithoutUploadsIsNotYetIn() => Assert.Equal(CentreReportState.NotYet, CentreOverview.StateOf(null));

    [Fact]
    public async Task OverviewCountsEachActiveCentreByItsNewestUpload()
    {
        await using var pipeline = await TestPipeline.StartAsync(services =>
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Received.AddDays(5))));
        var campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero));
        await TestData.SeedAsync(pipeline.Services, campaign,
            TestData.Centre("kz-almaty"), TestData.Centre("br-rio"), TestData.Centre("cn-beijing"),
            TestData.Centre("za-pretoria") with { Active = false });
        var store = pipeline.Get<SubmissionStore>();
        await store.SaveAsync(Upload("kz-almaty", Received, late: false, ReportStatus.Incomplete), CancellationToken.None);
        await store.SaveAsync(Upload("kz-almaty", Received.AddDays(1), late: false, ReportStatus.Valid), CancellationToken.None);
        await store.SaveAsync(Upload("br-rio", Received, late: false, ReportStatus.Unreadable), CancellationToken.None);
        var extension = campaign.Deadline.AddDays(10);
        await pipeline.Get<CentreDeadlines>().ExtendAsync(2030, "cn-beijing", extension, CancellationToken.None);

        var overview = await pipeline.Get<CampaignOverviews>().LoadAsync(2030, CancellationToken.None);

        Assert.NotNull(overview);
        Assert.Equal(["br-rio", "cn-beijing", "kz-almaty"], overview.Centres.Select(c => c.Centre.Id).Order(StringComparer.Ordinal));
        var almaty = overview.Centres.Single(c => c.Centre.Id == "kz-almaty");
        Assert.Equal((CentreReportState.OnTime, 2), (almaty.State, almaty.Versions));
        Assert.Equal(["centre"], almaty.SectionsAnswered);
        Assert.Equal(CentreReportState.Unreadable, overview.Centres.Single(c => c.Centre.Id == "br-rio").State);
        var beijing = overview.Centres.Single(c => c.Centre.Id == "cn-beijing");
        Assert.Equal((CentreReportState.NotYet, extension), (beijing.State, beijing.ExtendedDeadline));
        Assert.Equal((1, 1, 1, 0, 0), (overview.Count(CentreReportState.OnTime), overview.Count(CentreReportState.Unreadable),
            overview.Count(CentreReportState.NotYet), overview.Count(CentreReportState.Late), overview.Count(CentreReportState.Incomplete)));
        Assert.Null(await pipeline.Get<CampaignOverviews>().LoadAsync(2031, CancellationToken.None));
    }
}
