using System.Net;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Dashboard;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>Each action on a centre does its job through the service that owns it and lands in the audit log.</summary>
public sealed class DashboardActionTests
{
    private const string Actions = "/api/dashboard/2030/centres/kz-almaty/actions/";

    private static async Task<AuditEntry> SingleEntryAsync(DashboardSite site, string action)
    {
        var entries = await site.Get<AuditLog>().ListAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None);
        return Assert.Single(entries, e => e.Action == action);
    }

    [Fact]
    public async Task CopyLinkShowsAWorkingLinkOnThePageThePostAnswersNeverInAUrlAndIsAudited()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.PostAsync(Actions + DashboardActions.CopyLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Answered directly, not by a redirect whose address would carry the link into history and logs.
        Assert.Equal(HttpMethod.Post, response.RequestMessage!.Method);
        Assert.Equal(Actions + DashboardActions.CopyLink, response.RequestMessage.RequestUri!.AbsolutePath);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(page, "id=\"upload-link\" class=\"link-box\" readonly value=\"([^\"]+)\"").Groups[1].Value;
        var verified = site.Get<UploadLinks>().Verify(link[(link.LastIndexOf('/') + 1)..]);
        Assert.Equal("kz-almaty", verified!.CentreId);
        Assert.DoesNotContain(Uri.EscapeDataString(link), page, StringComparison.Ordinal);
        Assert.Equal(DashboardAccess.SharedKey, (await SingleEntryAsync(site, DashboardActions.CopyLink)).Who);
    }

    [Fact]
    public async Task ALinkPutIntoACentrePagesAddressIsNotShown()
    {
        await using var site = await DashboardSite.StartAsync();

        var page = await site.PageAsync("/api/dashboard/2030/centres/kz-almaty?link=https%3A%2F%2Fphish.example%2Fupload");

        Assert.DoesNotContain("phish.example", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"upload-link\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendLinkEmailsTheCoordinatorEachTimeAndNamesTheSignedInPerson()
    {
        await using var site = await DashboardSite.StartAsync(DashboardSignInTests.PlatformSignIn);
        DashboardSignInTests.SignIn(site, "officer@ifla.example", DashboardSignInTests.HqGroup);

        using var first = await site.PostAsync(Actions + DashboardActions.ResendLink);
        using var second = await site.PostAsync(Actions + DashboardActions.ResendLink);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var sent = site.Server.Outbox.To(DashboardSite.Almaty.CoordinatorEmail);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Contains("/api/upload/", m.TextBody, StringComparison.Ordinal));
        var entries = await site.Get<AuditLog>().ListAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None);
        Assert.Equal(2, entries.Count(e => e.Action == DashboardActions.ResendLink && e.Who == "officer@ifla.example"));
        Assert.Contains("link-resent", await (await site.GetAsync("/api/dashboard/2030/centres/kz-almaty")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendLinkToACentreThatHasReportedSaysWhichReportWeHaveNotThatItIsMissing()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));
        site.Clock.Advance(TimeSpan.FromDays(1));

        using var response = await site.PostAsync(Actions + DashboardActions.ResendLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(site.Server.Outbox.To(DashboardSite.Almaty.CoordinatorEmail), m => (m.Subject ?? "").StartsWith("Ваша ссылка", StringComparison.Ordinal));
        // Almaty's coordinator reads Russian; the upload was at the test clock's noon UTC, midnight in Anywhere on Earth.
        Assert.Contains("Отчёт вашего центра за 2030 год у нас есть: он получен 1 июля 2030 г. (понедельник), 00:00 (в любой точке Земли, UTC\u221212).", sent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Мы его ещё не получили", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("/api/upload/", sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResendLinkToACentreWhoseOnlyFileCouldNotBeReadSaysSoAndWhatToDo()
    {
        await using var site = await DashboardSite.StartAsync();
        // A report whole to its end (a file cut short is refused at upload) but damaged inside: the reader finds it corrupt.
        var damaged = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(damaged, PacSubmissions.Tests.Reports.TestDocuments.DamagedDocx());
        try
        {
            var upload = await site.UploadAsync(DashboardSite.Almaty, damaged, "report.docx");
            Assert.Equal(PacSubmissions.Reports.ReportStatus.Unreadable, upload.Check!.Status);
            site.Clock.Advance(TimeSpan.FromDays(1));

            using var response = await site.PostAsync(Actions + DashboardActions.ResendLink);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var sent = Assert.Single(site.Server.Outbox.To(DashboardSite.Almaty.CoordinatorEmail), m => (m.Subject ?? "").StartsWith("Ваша ссылка", StringComparison.Ordinal));
            var texts = PacSubmissions.Languages.Texts.Russian;
            Assert.Contains("но мы не смогли его прочитать, поэтому вашего отчёта у нас пока нет:", sent.TextBody, StringComparison.Ordinal);
            Assert.Contains("- " + texts.Problem(PacSubmissions.Reports.ProblemCodes.Corrupt, null), sent.TextBody, StringComparison.Ordinal);
            Assert.Contains("Пожалуйста, пришлите исправленную версию до", sent.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Мы его ещё не получили", sent.TextBody, StringComparison.Ordinal);
            Assert.Contains("/api/upload/", sent.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(damaged);
        }
    }

    [Fact]
    public async Task ExtendMovesOneCentresDeadlineAndRefusesABadDateWithoutRecordingIt()
    {
        await using var site = await DashboardSite.StartAsync();

        using var refused = await site.PostAsync(Actions + DashboardActions.Extend, ("deadline", "next week"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));

        using var response = await site.PostAsync(Actions + DashboardActions.Extend, ("deadline", "2030-07-20"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = CampaignClock.ToUtc(new DateTime(2030, 7, 20, 23, 59, 59), Campaign.AnywhereOnEarth);
        Assert.Equal(expected, await site.Get<CentreDeadlines>().FindAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None));
        Assert.Null(await site.Get<CentreDeadlines>().FindAsync(DashboardSite.Year, "xx-evil", CancellationToken.None));
        Assert.Contains("2030-07-20 23:59:59", (await SingleEntryAsync(site, DashboardActions.Extend)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeStopsTheLinksSentBefore()
    {
        await using var site = await DashboardSite.StartAsync();
        var links = site.Get<UploadLinks>();
        var old = links.Verify(links.CreateToken("kz-almaty", site.Campaign))!;
        site.Clock.Advance(TimeSpan.FromMinutes(1));

        using var response = await site.PostAsync(Actions + DashboardActions.Revoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await site.Get<LinkRevocations>().IsRevokedAsync(old, CancellationToken.None));
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await site.Get<LinkRevocations>().IsRevokedAsync(links.Verify(links.CreateToken("kz-almaty", site.Campaign))!, CancellationToken.None));
        await SingleEntryAsync(site, DashboardActions.Revoke);
    }

    [Fact]
    public async Task RecheckReadsTheVersionAgain()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));
        site.Clock.Advance(TimeSpan.FromHours(2));

        using var response = await site.PostAsync(Actions + DashboardActions.Recheck, ("submissionId", version.SubmissionId));
        using var unknown = await site.PostAsync(Actions + DashboardActions.Recheck, ("submissionId", "../../etc/passwd"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await site.Get<SubmissionStore>().FindAsync(DashboardSite.Year, "kz-almaty", version.SubmissionId, CancellationToken.None);
        Assert.Equal(site.Clock.GetUtcNow(), again!.ProcessedAt);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains(version.SubmissionId, (await SingleEntryAsync(site, DashboardActions.Recheck)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HqChoosesWhichVersionCountsUntilTheCentreSendsANewerReadableOne()
    {
        await using var site = await DashboardSite.StartAsync();
        var older = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"), "first.docx");
        site.Clock.Advance(TimeSpan.FromHours(1));
        var newer = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("incomplete-2021.docx"), "second.docx");
        site.Clock.Advance(TimeSpan.FromHours(1));

        using var unknown = await site.PostAsync(Actions + DashboardActions.Choose, ("submissionId", "20300101T000000000Z-00000000"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
        Assert.Equal(newer.SubmissionId, (await CountingAsync(site))?.SubmissionId);

        using var response = await site.PostAsync(Actions + DashboardActions.Choose, ("submissionId", older.SubmissionId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("first.docx (received", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var counting = await CountingAsync(site);
        Assert.Equal((older.SubmissionId, site.Clock.GetUtcNow()), (counting?.SubmissionId, counting?.ChosenByHqAt));
        Assert.Contains(older.SubmissionId, (await SingleEntryAsync(site, DashboardActions.Choose)).Detail, StringComparison.Ordinal);
        Assert.Contains("Counts (chosen by HQ", await (await site.GetAsync("/api/dashboard/2030/centres/kz-almaty")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromHours(1));
        var afterChoice = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"), "third.docx");
        Assert.Equal(afterChoice.SubmissionId, (await CountingAsync(site))?.SubmissionId);
    }

    private static async Task<Submission?> CountingAsync(DashboardSite site) =>
        (await site.Get<PacSubmissions.Overview.CampaignOverviews>().LoadAsync(DashboardSite.Year, CancellationToken.None))!
            .Centres.Single(c => c.Centre.Id == "kz-almaty").Counting;

    [Fact]
    public async Task UnknownActionIsRefusedAndNothingIsRecorded()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.PostAsync(Actions + "delete-everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
    }
}
