using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Languages;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reminders;

namespace PacSubmissions.Tests.Email;

public sealed class NotificationEmailsTests
{
    private static readonly PacSubmissions.Centres.Centre Hostile = CampaignScenario.Late with
    {
        Name = "<script>alert('x')</script> & Co",
        CoordinatorName = "<b>Bold</b>",
    };

    [Fact]
    public async Task CoordinatorsGetTheirEmailsInTheirLanguageWithEveryValueEscaped()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var coordinators = pipeline.Get<CoordinatorEmails>();
        var campaign = CampaignScenario.Campaign;
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Incomplete.Id) with
        {
            OriginalFileName = "<img src=x onerror=alert(1)>.docx",
        };

        var receipt = await coordinators.ReceiptAsync(campaign, submission, CampaignScenario.Incomplete, CampaignScenario.IncompleteReading, CancellationToken.None);

        Assert.Equal(CampaignScenario.Incomplete.CoordinatorEmail, receipt.To);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", receipt.Html, StringComparison.Ordinal);
        Assert.Contains("وجد الفحص الآلي المشكلات التالية", receipt.Text, StringComparison.Ordinal);
        // The problem in Arabic from the page's catalogue, never the reader's English.
        var unanswered = PacSubmissions.Languages.Texts.Arabic.Problem(PacSubmissions.Reports.ProblemCodes.UnansweredSection, PacSubmissions.Reports.FormSections.Workshops);
        Assert.Contains(unanswered, receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Question 4", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.docx", receipt.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<workshops>", receipt.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", receipt.Html, StringComparison.Ordinal);
        Assert.Contains(submission.Sha256, receipt.Text, StringComparison.Ordinal);
        Assert.Contains("/api/upload/", receipt.Text, StringComparison.Ordinal);

        var french = await coordinators.ReminderAsync(campaign, CampaignScenario.Early, 30, CancellationToken.None);
        Assert.StartsWith("Rappel", french.Subject, StringComparison.Ordinal);
        Assert.Contains("mardi 15 juillet 2031 à 23:59 (Auckland, UTC+12)", french.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("dir=", french.Html, StringComparison.Ordinal);

        // Portuguese is not one of the project's languages: English.
        var fallback = await coordinators.LateNoticeAsync(campaign, CampaignScenario.Never, 14, CancellationToken.None);
        Assert.StartsWith("Overdue", fallback.Subject, StringComparison.Ordinal);
        Assert.Contains("This is the last reminder.", fallback.Text, StringComparison.Ordinal);
        Assert.Contains("Late reports are accepted until", fallback.Text, StringComparison.Ordinal);
        Assert.Contains("Thursday, 14 August 2031 at 23:59 (Auckland, UTC+12)", fallback.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("This is the last reminder.", (await coordinators.LateNoticeAsync(campaign, CampaignScenario.Never, 7, CancellationToken.None)).Text, StringComparison.Ordinal);

        var hostile = await coordinators.ReminderAsync(campaign, Hostile, 7, CancellationToken.None);
        Assert.DoesNotContain("<b>", hostile.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt;", hostile.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Reminder")]
    [InlineData("fr", "Rappel")]
    [InlineData("es", "Recordatorio")]
    [InlineData("ru", "Напоминание")]
    [InlineData("de", "Erinnerung")]
    [InlineData("ar", "تذكير")]
    [InlineData("zh-Hans", "提醒")]
    [InlineData("", "Reminder")]
    public void EachOfIflasLanguagesHasItsOwnWords(string language, string subjectStart)
    {
        Assert.StartsWith(subjectStart, Texts.Format(Texts.For(language).ReminderSubject, 2031, "x"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnsureReadingIsFlaggedToHqButNotToTheCoordinator()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Incomplete.Id);
        var unsure = CampaignScenario.IncompleteReading with
        {
            ReviewReasons = [new PacSubmissions.Reports.ReviewReason(PacSubmissions.Reports.ReviewCodes.LooseQuestion,
                "The question \"Local Cooperation\" was recognised only by its likeness to the form's wording.", PacSubmissions.Reports.FormSections.LocalCooperation)],
        };

        var notice = await pipeline.Get<HqEmails>().SubmissionReceivedAsync(submission, CampaignScenario.Incomplete, unsure, CancellationToken.None);
        var receipt = await pipeline.Get<CoordinatorEmails>().ReceiptAsync(CampaignScenario.Campaign, submission, CampaignScenario.Incomplete, unsure, CancellationToken.None);

        Assert.EndsWith("needs review)", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("Needs review", notice.Text, StringComparison.Ordinal);
        Assert.Contains("recognised only by its likeness to the form's wording. (loose-question)", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("likeness", receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("review", receipt.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("needs review", (await pipeline.Get<HqEmails>().SubmissionReceivedAsync(submission, CampaignScenario.Incomplete, CampaignScenario.IncompleteReading, CancellationToken.None)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HqEmailsEscapeTheCentreAndListWhoHasNotSubmitted()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var hq = pipeline.Get<HqEmails>();
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Incomplete.Id);

        var received = await hq.SubmissionReceivedAsync(submission, Hostile, CampaignScenario.IncompleteReading, CancellationToken.None);
        var statuses = CentreStatus.Of(CampaignScenario.Centres, CampaignScenario.Submissions, CampaignScenario.End);
        var summary = await hq.ClosingSummaryAsync(CampaignScenario.Campaign, EmailKinds.AfterLateWindow, statuses, [], CancellationToken.None);

        Assert.Equal(TestSettings.HqAddress, received.To);
        Assert.Contains("(on time, incomplete)", received.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", received.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", received.Html, StringComparison.Ordinal);
        Assert.Contains("1. Centre", received.Text, StringComparison.Ordinal);
        Assert.Contains("Question 4 <workshops> is not answered. (unanswered-section)", received.Text, StringComparison.Ordinal);
        Assert.Contains(submission.BlobName, received.Text, StringComparison.Ordinal);
        Assert.Contains("Complete, on time: 4 of 6.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Complete, late: 1 of 6.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Not yet: 1 of 6.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("PAC Centre never", summary.Text, StringComparison.Ordinal);
        Assert.Contains("PAC Centre early: ", summary.Text, StringComparison.Ordinal);
        Assert.Contains("(2 versions)", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestGroupsCentresByStateAndSaysWhatAReportThatNeedsWorkLacks()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var at = CampaignScenario.Deadline - TimeSpan.FromDays(5);
        Submission Checked(Centre centre, ReportStatus status, params ReportProblem[] problems) =>
            new(centre.Id, CampaignScenario.Campaign.Year, $"{centre.Id}-v1", $"{CampaignScenario.Campaign.Year}/{centre.Id}/v1.docx", "r.docx", 10,
                new string('a', 64), at, false, at, new SubmissionCheck(status, "docx", problems, [], [], null, null, null, [], [], 1, 10));
        var statuses = CentreStatus.Of(CampaignScenario.Centres,
            [
                Checked(CampaignScenario.Early, ReportStatus.Valid),
                Checked(CampaignScenario.Incomplete, ReportStatus.Incomplete,
                    new ReportProblem(ProblemCodes.MissingSection, "Question 3 is missing.", FormSections.LocalCooperation)),
                Checked(CampaignScenario.Grace, ReportStatus.Unreadable, new ReportProblem(ProblemCodes.Corrupt, "The file is damaged.")),
            ], at);

        var digest = await pipeline.Get<HqEmails>().WeeklyDigestAsync(CampaignScenario.Campaign, "week-01", statuses, [], CancellationToken.None);

        Assert.Contains("Complete, on time: 1 of 6.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Incomplete (the report that counts misses required answers): 1 of 6.", digest.Text, StringComparison.Ordinal);
        Assert.Contains($"missing or unanswered: {SectionTitles.Of(FormSections.LocalCooperation)}", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Unreadable (nothing the centre sent could be read): 1 of 6.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("The file is damaged.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Not yet: 3 of 6.", digest.Text, StringComparison.Ordinal);
    }
}
