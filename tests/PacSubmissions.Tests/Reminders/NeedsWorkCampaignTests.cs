using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Forms;
using PacSubmissions.Languages;
using PacSubmissions.Reminders;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// <see cref="NeedsWorkScenario"/> played hour by hour through the real reminder run, ledger and outbox on Azurite, each
/// upload recorded and notified (as the processor does) at the instant it was processed.
/// </summary>
public sealed class NeedsWorkCampaignTests
{
    [Fact]
    public async Task CentresWhoseReportNeedsWorkAreRemindedAndChasedInTheirLanguageOnceUntilTheyFixIt()
    {
        var clock = new FakeTimeProvider(NeedsWorkScenario.Campaign.OpensAt);
        await using var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await TestData.SeedAsync(pipeline.Services, NeedsWorkScenario.Campaign, [.. NeedsWorkScenario.Centres]);
        var uploads = NeedsWorkScenario.Uploads.ToList();
        var results = new List<ReminderRunItem>();

        foreach (var hour in NeedsWorkScenario.Hours())
        {
            await ProcessUploadsAsync(pipeline, clock, uploads, NeedsWorkScenario.Centres, hour);
            clock.SetUtcNow(hour);
            results.AddRange(await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None));
        }

        Assert.DoesNotContain(results, r => r.Outcome != ReminderOutcome.Sent);
        var mails = pipeline.Outbox.Messages();
        var keys = mails.Select(m => m.Headers["X-Pac-Email-Key"]).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var centre in NeedsWorkScenario.Centres)
        {
            var own = mails.Where(m => m.To.Mailboxes.Single().Address == centre.CoordinatorEmail).ToList();
            var chases = own.Select(m => m.Headers["X-Pac-Email-Key"]!.Split('|', 3)[2])
                .Where(k => !k.StartsWith(EmailKinds.Receipt, StringComparison.Ordinal));
            Assert.Equal(NeedsWorkScenario.TimerEmails[centre.Id], chases);
            // One receipt per upload, from the processor; nothing else.
            Assert.Equal(NeedsWorkScenario.Submissions.Count(s => s.CentreId == centre.Id), own.Count - NeedsWorkScenario.TimerEmails[centre.Id].Length);
            var texts = Texts.For(centre.Language);
            Assert.All(own.Where(m => m.Headers["X-Pac-Email-Key"]!.Contains("needs-work", StringComparison.Ordinal)),
                m => Assert.Equal(Texts.Format(texts.NeedsWorkSubject, 2032), m.Subject));
        }

        // The Arabic reminder names the unanswered questions as the form words them in Arabic; the Russian ones the problem and its remedy.
        var fixedReminder = mails.Single(m => m.Headers["X-Pac-Email-Key"] == "2032|fixed|needs-work-reminder|7d").TextBody;
        Assert.Contains("- " + FormDefinitions.Current.TitleOf(FormSections.Workshops, "ar"), fixedReminder, StringComparison.Ordinal);
        Assert.Contains("- " + FormDefinitions.Current.TitleOf(FormSections.Standards, "ar"), fixedReminder, StringComparison.Ordinal);
        Assert.Contains(Texts.Arabic.NeedsWorkDue.Split("{1}")[0].Trim(), fixedReminder, StringComparison.Ordinal);
        var brokenLast = mails.Single(m => m.Headers["X-Pac-Email-Key"] == "2032|broken|needs-work-late-notice|7d").TextBody;
        Assert.Contains("- " + Texts.Russian.Problem(ProblemCodes.Corrupt, null), brokenLast, StringComparison.Ordinal);
        Assert.Contains(Texts.Russian.LastNotice, brokenLast, StringComparison.Ordinal);
        Assert.DoesNotContain("Central Directory", brokenLast, StringComparison.Ordinal);

        // Once it is all done, another run finds nothing to do.
        Assert.Empty(await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None));
    }

    /// <summary>Records and notifies (as the processor does, at the instant it was processed) each upload processed by <paramref name="hour"/>, and takes it off <paramref name="uploads"/>.</summary>
    internal static async Task ProcessUploadsAsync(TestPipeline pipeline, FakeTimeProvider clock, List<(Submission Submission, ReportReading Reading)> uploads,
        IReadOnlyList<Centre> centres, DateTimeOffset hour)
    {
        foreach (var (submission, reading) in uploads.Where(u => u.Submission.ProcessedAt <= hour).ToList())
        {
            clock.SetUtcNow(submission.ProcessedAt);
            await pipeline.Get<SubmissionStore>().SaveAsync(submission, CancellationToken.None);
            var centre = centres.Single(c => c.Id == submission.CentreId);
            await pipeline.Get<SubmissionNotifications>().SendAsync(submission, centre, reading, CancellationToken.None);
            uploads.Remove((submission, reading));
        }
    }
}
