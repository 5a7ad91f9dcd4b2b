using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Email;
using PacSubmissions.Languages;
using PacSubmissions.Reminders;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// The reminder run sends what the processor could not (SendGrid was down). With no archived reading (it could not be
/// kept, or was lost), the e-mails still tell the check recorded on the row, not "the check has not finished".
/// </summary>
[Trait("Category", "Slow")]
public sealed class CatchUpEmailTests
{
    [Fact]
    public async Task CatchUpEmailsWithoutAnArchivedReadingTellTheCheckOnTheRow()
    {
        var now = new DateTimeOffset(2030, 5, 4, 10, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var campaign = TestData.OpenCampaign(now);
        var centre = TestData.Centre() with { Language = "en" };
        await TestData.SeedAsync(pipeline.Services, campaign, centre);
        var problem = new ReportProblem(ProblemCodes.UnansweredSection, "The question 'Workshops/trainings/events' has no answer.", FormSections.Workshops);
        var check = new SubmissionCheck(ReportStatus.Incomplete, "docx", [problem],
            [FormSections.Centre, FormSections.Workshops], [FormSections.Centre], null, null, null, [], [], 2, 300);
        await pipeline.Get<SubmissionStore>().SaveAsync(new Submission(centre.Id, campaign.Year, "v1", $"{campaign.Year}/{centre.Id}/v1",
            "report.docx", 1234, new string('a', 64), now, Late: false, ProcessedAt: now, check), CancellationToken.None);

        clock.Advance(ReminderPlanner.ProcessorHeadStart + TimeSpan.FromMinutes(1));
        var sent = await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None);

        Assert.Equal(2, sent.Count(r => r.Outcome == ReminderOutcome.Sent && r.Planned.Submission is not null));
        var receipt = Assert.Single(pipeline.Outbox.To(centre.CoordinatorEmail)).TextBody;
        Assert.DoesNotContain(Texts.English.ReceiptCheckNotFinished, receipt, StringComparison.Ordinal);
        Assert.Contains(Texts.English.ReceiptProblemsFound, receipt, StringComparison.Ordinal);
        // The coordinator reads the problem as the upload page words it; HQ gets the reader's own message.
        Assert.Contains("This question has no real answer: Workshops/trainings/events.", receipt, StringComparison.Ordinal);
        // HQ also gets the weekly digest due by now; this is the e-mail about the submission.
        var hq = Assert.Single(pipeline.Outbox.To(TestSettings.HqAddress),
            m => m.Headers[OutboxEmailSender.KeyHeader]!.Contains($"|{EmailKinds.SubmissionReceived}|", StringComparison.Ordinal));
        Assert.Contains("incomplete", hq.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("not checked yet", hq.TextBody, StringComparison.Ordinal);
        Assert.Contains(SectionTitles.Of(FormSections.Centre), hq.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{problem.Message} ({problem.Code})", hq.TextBody, StringComparison.Ordinal);
    }
}
