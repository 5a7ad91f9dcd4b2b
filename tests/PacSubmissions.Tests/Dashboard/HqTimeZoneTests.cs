using System.Net;
using PacSubmissions.Email;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reminders;
using PacSubmissions.Tests.Reports;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>HQ reads every time in its own zone (Email:HqTimeZone; The Hague's by default), in its e-mails and on the dashboard.</summary>
public sealed class HqTimeZoneTests
{
    [Fact]
    public async Task HqsEmailsGiveTimesInTheHagueByDefault()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var hq = pipeline.Get<HqEmails>();
        // 18 July 2031, 11:59:59 UTC (23:59:59 in Auckland, the campaign's zone) is 13:59 in Amsterdam (CEST, UTC+2).
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Late.Id);

        var received = await hq.SubmissionReceivedAsync(submission, CampaignScenario.Late, CampaignScenario.IncompleteReading, CancellationToken.None);
        var statuses = CentreStatus.Of(CampaignScenario.Centres, CampaignScenario.Submissions, CampaignScenario.End);
        var digest = await hq.WeeklyDigestAsync(CampaignScenario.Campaign, "2031-W28", statuses, [], CancellationToken.None);

        Assert.Contains("Received: 2031-07-18 13:59 (Europe/Amsterdam, UTC+2)", received.Text, StringComparison.Ordinal);
        // The deadline too: 15 July 23:59:59 in Auckland is 13:59 on the 15th in Amsterdam.
        Assert.Contains("(deadline 2031-07-15 13:59 (Europe/Amsterdam, UTC+2))", digest.Text, StringComparison.Ordinal);
        Assert.Contains("PAC Centre late: 2031-07-18 13:59 (Europe/Amsterdam, UTC+2)", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" UTC\n", received.Text + digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardAndHqsNoticeUseTheZoneHqSet()
    {
        await using var site = await DashboardSite.StartAsync(new() { ["Email:HqTimeZone"] = "Asia/Tokyo" });

        // The upload arrives at the test clock's 12:00 UTC on 1 July 2030: 21:00 in Tokyo (UTC+9).
        await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));
        var notice = await Eventually.Until(() => Task.FromResult(site.Server.Outbox.To(TestSettings.HqAddress)), m => m.Count > 0);
        // Decoded as a browser reads them: the pages write "+" as "&#x2B;".
        var centrePage = WebUtility.HtmlDecode(await site.PageAsync("/api/dashboard/2030/centres/kz-almaty"));
        var campaignPage = WebUtility.HtmlDecode(await site.PageAsync("/api/dashboard/2030"));
        var auditPage = WebUtility.HtmlDecode(await site.PageAsync("/api/dashboard/2030/audit"));

        const string AtHq = "2030-07-01 21:00 (Asia/Tokyo, UTC+9)";
        Assert.Contains("Received: " + AtHq, Assert.Single(notice).TextBody, StringComparison.Ordinal);
        Assert.Contains("<td>" + AtHq + "</td>", centrePage, StringComparison.Ordinal);
        Assert.Contains("<td>" + AtHq + "</td>", campaignPage, StringComparison.Ordinal);
        Assert.DoesNotContain("(Europe/Amsterdam", centrePage + campaignPage + auditPage, StringComparison.Ordinal);
        // The register has no zone for this centre (the test data sets none): HQ is told where to set it.
        Assert.Contains("<dt>Time zone</dt><dd>Not set: the coordinator sees the campaign's zone and UTC.", centrePage, StringComparison.Ordinal);
    }
}
