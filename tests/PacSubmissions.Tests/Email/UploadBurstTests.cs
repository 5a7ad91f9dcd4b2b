using System.Net;
using MimeKit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Upload;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// Uploads of one centre in quick succession (<c>Email:UploadBurstWindow</c>): through the real local host, processor,
/// reminder run and ledger on Azurite, HQ hears of the first at once and of the others in one notice, and the coordinator
/// gets the receipt of the first and of the newest, not one of each per upload.
/// </summary>
public sealed class UploadBurstTests
{
    private static Dictionary<string, string?> Window => new() { ["Email:UploadBurstWindow"] = "00:10:00" };

    // Five past the hour: the local host's hourly reminder timer runs on the site's clock, and minutes of uploads and
    // waits started near the hour's end would cross it and send the campaign's own e-mails in the middle of the test.
    private static DateTimeOffset FivePastTheHour()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 5, 0, TimeSpan.Zero);
    }

    [Fact]
    public async Task ABurstGivesHqOneNoticeAtOnceAndOneNamingTheOthersOnceItIsOverAndTheCoordinatorTheReceiptsOfTheFirstAndTheNewest()
    {
        await using var site = await UploadSite.StartAsync(FivePastTheHour(), settings: Window);
        var start = site.Clock.GetUtcNow();
        string[] names = ["first.pdf", "second.docx", "third.pdf"];
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            using var answer = await site.PostFileAsync(UploadSite.Sample(name.EndsWith(".pdf", StringComparison.Ordinal) ? "brazil-2021.pdf" : "central-asia-2020.docx"), name);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            site.Clock.Advance(TimeSpan.FromMinutes(3));
        }

        var rows = await Eventually.Until(() => site.Server.Get<SubmissionStore>().ListAsync(site.Campaign.Year, CancellationToken.None), r => r.Count == 3);
        var ordered = rows.OrderBy(r => r.ReceivedAt).ToList();
        var atOnce = await Eventually.Until(() => Task.FromResult(site.Server.Outbox.Messages()), m => m.Count >= 2);
        // The processor has had its say on all three: only the first upload's two e-mails.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([$"2030|kz-almaty|receipt|{ordered[0].SubmissionId}", $"2030|kz-almaty|submission-received|{ordered[0].SubmissionId}"],
            Keys(site.Server.Outbox.Messages()));

        // Within the window the run sends nothing for the burst (HQ's weekly digest is the campaign's own); once it is
        // over, one notice and the newest's receipt.
        Assert.DoesNotContain(await site.Server.Get<ReminderRun>().RunAsync(CancellationToken.None), r => r.Planned.Key.Centre == site.Centre.Id);
        site.Clock.SetUtcNow(start + TimeSpan.FromMinutes(10));
        var results = await site.Server.Get<ReminderRun>().RunAsync(CancellationToken.None);

        Assert.Equal([$"2030|kz-almaty|receipt|{ordered[2].SubmissionId}", $"2030|kz-almaty|upload-burst|{ordered[0].SubmissionId}"],
            results.Where(r => r.Outcome == ReminderOutcome.Sent && r.Planned.Key.Centre == site.Centre.Id).Select(r => r.Planned.Key.ToString()).Order(StringComparer.Ordinal));
        var burst = Assert.Single(site.Server.Outbox.To(TestSettings.HqAddress), m => m.Subject?.Contains("more upload", StringComparison.Ordinal) == true);
        Assert.Equal("PAC 2030: 2 more upload(s) from PAC Centre Almaty", burst.Subject);
        Assert.Contains("PAC Centre Almaty sent 2 more upload(s) within 10 minute(s)", burst.TextBody, StringComparison.Ordinal);
        Assert.Contains("PAC Centre Almaty: second.docx, received", burst.TextBody, StringComparison.Ordinal);
        Assert.Contains("PAC Centre Almaty: third.pdf, received", burst.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("first.pdf", burst.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, site.Server.Outbox.To(site.Centre.CoordinatorEmail).Count);

        // Run again: the ledger has both.
        Assert.DoesNotContain(await site.Server.Get<ReminderRun>().RunAsync(CancellationToken.None), r => r.Outcome == ReminderOutcome.Sent);
        Assert.Equal(4, site.Server.Outbox.Messages().Count(m => m.Headers["X-Pac-Email-Key"]!.StartsWith("2030|kz-almaty|", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnUploadAfterTheWindowOpensABurstOfItsOwnAndIsToldOfAtOnce()
    {
        await using var site = await UploadSite.StartAsync(FivePastTheHour(), settings: Window);
        (await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"))).Dispose();
        await Eventually.Until(() => Task.FromResult(site.Server.Outbox.Messages()), m => m.Count >= 2);

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        (await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"))).Dispose();

        var mails = await Eventually.Until(() => Task.FromResult(site.Server.Outbox.Messages()), m => m.Count >= 4);
        Assert.Equal(2, mails.Count(m => m.Headers["X-Pac-Email-Key"]!.Contains("|submission-received|", StringComparison.Ordinal)));
        Assert.Equal(2, mails.Count(m => m.Headers["X-Pac-Email-Key"]!.Contains("|receipt|", StringComparison.Ordinal)));
    }

    [Fact]
    public void ThePlannerGathersABurstOnlyOnceItIsOverAndWithDailyNoticesSendsOnlyTheNewestsReceipt()
    {
        var now = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var campaign = TestData.OpenCampaign(now);
        var centre = TestData.Centre();
        Submission Upload(int minutes) => new(centre.Id, campaign.Year, $"20300601T12{minutes:00}00000Z-0000000{minutes % 10}", "blob", $"r{minutes}.pdf", 10, "hash",
            now.AddMinutes(minutes), false, now.AddMinutes(minutes).AddSeconds(5));
        Submission[] uploads = [Upload(0), Upload(2), Upload(9), Upload(12)];

        IReadOnlyList<string> Plan(DateTimeOffset at, HqNotices notices) =>
        [
            .. ReminderPlanner.Plan(new ReminderPlanInput(at, campaign, [centre], uploads, new HashSet<EmailKey>(), HqNotices: notices,
                    UploadBurstWindow: TimeSpan.FromMinutes(10)))
                .Select(p => p.Key.ToString()).Where(k => k.Contains("|upload-burst|", StringComparison.Ordinal) || k.Contains("|receipt|", StringComparison.Ordinal)
                    || k.Contains("|submission-received|", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal),
        ];

        // Before the window is over (and the processor's head start), nothing of the burst.
        Assert.Empty(Plan(now.AddMinutes(9), HqNotices.EachUpload));
        // Long after: the first and the one after the window as single uploads (the processor's fallback), the burst of 2 and 9.
        var after = Plan(now.AddHours(1), HqNotices.EachUpload);
        Assert.Equal(
            [
                $"2030|kz-almaty|receipt|{uploads[0].SubmissionId}", $"2030|kz-almaty|receipt|{uploads[2].SubmissionId}", $"2030|kz-almaty|receipt|{uploads[3].SubmissionId}",
                $"2030|kz-almaty|submission-received|{uploads[0].SubmissionId}", $"2030|kz-almaty|submission-received|{uploads[3].SubmissionId}",
                $"2030|kz-almaty|upload-burst|{uploads[0].SubmissionId}",
            ],
            after);
        Assert.DoesNotContain($"2030|kz-almaty|upload-burst|{uploads[0].SubmissionId}", Plan(now.AddHours(1), HqNotices.Daily));
        Assert.Contains($"2030|kz-almaty|receipt|{uploads[2].SubmissionId}", Plan(now.AddHours(1), HqNotices.Daily));
    }

    private static IReadOnlyList<string> Keys(IReadOnlyList<MimeMessage> mails) =>
        [.. mails.Select(m => m.Headers["X-Pac-Email-Key"] ?? "").Order(StringComparer.Ordinal)];
}
