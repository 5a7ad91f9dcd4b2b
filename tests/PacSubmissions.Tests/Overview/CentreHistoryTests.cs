using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Overview;

/// <summary>A centre across campaigns, from storage: its record for every year up to the one shown, its answers for three.</summary>
public sealed class CentreHistoryTests
{
    private static Campaign CampaignOf(int year) => Campaign.WithDefaults(year, new DateTimeOffset(year, 4, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset Extension2030 = new(2030, 7, 25, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An upload as the processor records it: late by the centre's own deadline (the 2030 extension).</summary>
    private static (Submission, ReportReading) Upload(int year, DateTimeOffset at, string standards)
    {
        var reading = new ReportReading("docx", 10, "00", ReportStatus.Valid, [], [new ReportSection("standards", "Standards", true, 3, standards)],
            null, null, [], [], null, 1, 3);
        var id = SubmissionBlob.NewSubmissionId(at);
        var submission = new Submission("kz-almaty", year, id, $"{year}/kz-almaty/{id}.docx", "r.docx", 10, "00", at,
            CampaignOf(year).WindowAt(at, year == 2030 ? Extension2030 : null) == UploadWindow.Late, at,
            SubmissionCheck.From(reading));
        return (submission, reading);
    }

    [Fact]
    public async Task RecordCoversEveryYearUpToTheShownOneAndAnswersTheShownOneAndTheTwoBefore()
    {
        var now = new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await using var pipeline = await TestPipeline.StartAsync(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        foreach (var year in new[] { 2027, 2028, 2029, 2030, 2031 })
        {
            await TestData.SeedAsync(pipeline.Services, CampaignOf(year), TestData.Centre());
        }

        // 2027 on time; 2028 nothing; 2029 late; 2030 on time by an extension; 2031 (shown's successor) is not counted.
        var uploads = new[]
        {
            Upload(2027, new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero), "Standards of 2027."),
            Upload(2029, new DateTimeOffset(2029, 7, 30, 0, 0, 0, TimeSpan.Zero), "Standards of 2029."),
            Upload(2030, new DateTimeOffset(2030, 7, 20, 0, 0, 0, TimeSpan.Zero), "Standards of 2030."),
        };
        await pipeline.Get<CentreDeadlines>().ExtendAsync(2030, "kz-almaty", Extension2030, CancellationToken.None);
        foreach (var (submission, reading) in uploads)
        {
            await pipeline.Get<SubmissionStore>().SaveAsync(submission, CancellationToken.None);
            await pipeline.Get<ReadingArchive>().SaveAsync(submission.BlobName, reading, CancellationToken.None);
        }

        var history = await pipeline.Get<CampaignGlance>().HistoryAsync(CampaignOf(2030), "kz-almaty", CancellationToken.None);

        Assert.Equal([(2030, OnTimeOutcome.Extended), (2029, OnTimeOutcome.Late), (2028, OnTimeOutcome.Missing), (2027, OnTimeOutcome.OnTime)],
            history.Record.Select(r => (r.Year, r.Outcome)));
        Assert.Equal([(2030, "Standards of 2030."), (2029, "Standards of 2029."), (2028, null)],
            history.Years.Select(y => (y.Year, y.Reading?.AnswerTo("standards"))));
    }
}
