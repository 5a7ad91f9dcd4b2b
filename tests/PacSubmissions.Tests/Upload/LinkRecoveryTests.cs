using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Languages;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>
/// Dead links a coordinator can recover from, over HTTP through the local host on Azurite: the dead-link page gives HQ's
/// address and a form asking for a fresh link; the request gets one answer whatever the link was, and a link goes out
/// only for a real one, to the register's address, in the centre's language, once an hour; every request is audited.
/// A changed address in an import revokes the old links and sends the new address one; links die with their centre's
/// late window.
/// </summary>
public sealed partial class LinkRecoveryTests
{
    private static readonly Centre French = TestData.Centre("fr-paris", "PAC Centre Paris", "paris@pac-test.example") with { Language = "fr" };
    private static readonly Centre German = TestData.Centre("de-leipzig", "PAC Centre Leipzig", "leipzig@pac-test.example") with { Language = "de" };

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task TheDeadLinkPageGivesHqsAddressAndAFormAskingForAFreshLink(string language)
    {
        await using var site = await UploadSite.StartAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await site.Server.Get<LinkRevocations>().RevokeAsync(site.Centre.Id, CancellationToken.None);
        var texts = Texts.For(language);

        foreach (var token in new[] { TokenOf(site.Url), "not-a-token" })
        {
            using var response = await site.GetAsync($"{site.Server.BaseAddress}api/upload/{token}", acceptLanguage: language);
            var page = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains($"<a href=\"mailto:{TestSettings.HqAddress}\">{TestSettings.HqAddress}</a>", page, StringComparison.Ordinal);
            Assert.Contains($"<form id=\"fresh-link\" method=\"post\" action=\"/api/upload/{token}/fresh-link?lang={language}\">", page, StringComparison.Ordinal);
            Assert.Contains(Html(texts.FreshLinkButton), page, StringComparison.Ordinal);
            // The viewer's language, never the centre's (Russian), which would tell the link was real.
            Assert.DoesNotContain(Html(Texts.Russian.FreshLinkButton), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RevokedExpiredAndOlderYearLinksGetAFreshLinkForgedAndUnknownOnesDoNotAndAllReadTheSame()
    {
        await using var site = await UploadSite.StartAsync();
        await TestData.SeedAsync(site.Server.Services, site.Campaign, French, German);
        var links = site.Server.Get<UploadLinks>();
        var now = site.Clock.GetUtcNow();
        var revoked = TokenOf(site.Url);
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await site.Server.Get<LinkRevocations>().RevokeAsync(site.Centre.Id, CancellationToken.None);
        var tokens = new Dictionary<string, string>
        {
            ["revoked"] = revoked,
            ["expired"] = links.CreateToken(French.Id, site.Campaign.Year, now.AddSeconds(-1)),
            ["older year"] = links.CreateToken(German.Id, site.Campaign.Year - 1, now.AddDays(30)),
            ["forged"] = Forged(links.CreateToken(French.Id, site.Campaign.Year, now.AddDays(30))),
            ["unknown centre"] = links.CreateToken("zz-nowhere", site.Campaign.Year, now.AddDays(30)),
        };

        var answers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens.Values)
        {
            answers.Add(await RequestFreshLinkAsync(site, token));
        }

        var answer = Assert.Single(answers);
        Assert.Contains(Html(Texts.English.FreshLinkRequested), answer, StringComparison.Ordinal);
        Assert.Contains($"mailto:{TestSettings.HqAddress}", answer, StringComparison.Ordinal);
        Assert.Equal(3, LinkEmails(site).Count);
        foreach (var centre in new[] { site.Centre, French, German })
        {
            // In the centre's own language: its intro, and no other language's.
            var email = Assert.Single(FreshLinks(site, centre));
            Assert.Equal(Texts.Format(Texts.For(centre.Language).LinkSubject, site.Campaign.Year), email.Subject);
            // The fresh link opens this year's page, whatever the dead link was.
            using var opened = await site.GetAsync(LinkIn(site, email));
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        var audit = await FreshLinkAuditAsync(site, site.Campaign.Year, now.Year);
        Assert.Equal(5, audit.Count);
        Assert.Equal(3, audit.Count(e => e.Detail.Contains(": a new link was e-mailed to", StringComparison.Ordinal)));
        Assert.Contains(audit, e => e.Centre == "" && e.Detail.EndsWith("not sent: the link is not one of ours (malformed or forged)", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Centre == "" && e.Detail.EndsWith("not sent: the register has no such centre", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Centre == French.Id && e.Detail.Contains("(expired ", StringComparison.Ordinal) && e.Detail.Contains(": a new link was e-mailed to paris@", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Centre == site.Centre.Id && e.Detail.Contains("(revoked)", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Centre == German.Id && e.Detail.Contains($"(an older campaign's than {site.Campaign.Year}'s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACentreGetsAtMostOneFreshLinkAnHourAnsweredTheSame()
    {
        await using var site = await UploadSite.StartAsync();
        var expired = site.Server.Get<UploadLinks>().CreateToken(site.Centre.Id, site.Campaign.Year, site.Clock.GetUtcNow().AddSeconds(-1));

        var first = await RequestFreshLinkAsync(site, expired);
        site.Clock.Advance(TimeSpan.FromMinutes(59));
        var second = await RequestFreshLinkAsync(site, expired);
        var afterOne = FreshLinks(site, site.Centre).Count;
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        var third = await RequestFreshLinkAsync(site, expired);

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(1, afterOne);
        Assert.Equal(2, FreshLinks(site, site.Centre).Count);
        var audit = await FreshLinkAuditAsync(site, site.Campaign.Year);
        Assert.Single(audit, e => e.Detail.EndsWith("not sent: a fresh link was sent to this centre within 01:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneClientAddressMayAskTenTimesAnHourForAnyLinks()
    {
        await using var site = await UploadSite.StartAsync();
        var links = site.Server.Get<UploadLinks>();
        for (var i = 0; i < FreshLinkLimits.RequestsPerClient; i++)
        {
            await RequestFreshLinkAsync(site, links.CreateToken($"zz-guess-{i}", site.Campaign.Year, site.Clock.GetUtcNow().AddDays(1)));
        }

        var expired = links.CreateToken(site.Centre.Id, site.Campaign.Year, site.Clock.GetUtcNow().AddSeconds(-1));
        await RequestFreshLinkAsync(site, expired);
        var whileLimited = FreshLinks(site, site.Centre).Count;
        site.Clock.Advance(TimeSpan.FromHours(1));
        await RequestFreshLinkAsync(site, expired);

        Assert.Equal(0, whileLimited);
        Assert.Single(FreshLinks(site, site.Centre));
        var audit = await FreshLinkAuditAsync(site, site.Campaign.Year);
        Assert.Single(audit, e => e.Centre == site.Centre.Id && e.Detail.EndsWith("not sent: this client address asked 10 times within 01:00:00", StringComparison.Ordinal));
        Assert.All(audit, e => Assert.Contains("from 127.0.0.1: ", e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoFreshLinkGoesOutWhileNoCampaignTakesUploads()
    {
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await using var site = await UploadSite.StartAsync(campaign.LateUploadsCloseAt.AddMinutes(1), campaign);

        await RequestFreshLinkAsync(site, TokenOf(site.Url));

        Assert.Empty(LinkEmails(site));
        var entry = Assert.Single(await FreshLinkAuditAsync(site, campaign.Year));
        Assert.EndsWith("not sent: no campaign is open for uploads", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedAddressInAnImportRevokesTheOldLinkAndEmailsTheNewAddressOnly()
    {
        await using var site = await UploadSite.StartAsync();
        await TestData.SeedAsync(site.Server.Services, site.Campaign, French);
        var oldLink = site.Url;
        var untouched = site.LinkFor(French.Id);
        var csv = Cli.RegisterCommandsTests.CsvFile("id,name,coordinator_email,language",
            $"{site.Centre.Id},{site.Centre.Name},new-coordinator@pac-test.example,ru",
            $"{French.Id},{French.Name},{French.CoordinatorEmail},fr");

        var (exit, output, _) = await Pac.RunWithSettingsAsync(site.Server, "centres", "import", csv);
        File.Delete(csv);

        Assert.Equal(0, exit);
        Assert.Contains($"{site.Centre.Id}: coordinator address changed from '{site.Centre.CoordinatorEmail}' to 'new-coordinator@pac-test.example'", output, StringComparison.Ordinal);
        using (var dead = await site.GetAsync(oldLink, acceptLanguage: "en"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, dead.StatusCode);
            Assert.Contains("id=\"fresh-link\"", await dead.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var other = await site.GetAsync(untouched))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        Assert.Empty(site.Server.Outbox.To(site.Centre.CoordinatorEmail));
        Assert.Empty(site.Server.Outbox.To(French.CoordinatorEmail));
        var email = Assert.Single(site.Server.Outbox.To("new-coordinator@pac-test.example"));
        Assert.Contains(Texts.Russian.AddressChangedEmailIntro, email.TextBody, StringComparison.Ordinal);
        using (var fresh = await site.GetAsync(LinkIn(site, email)))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        var entry = Assert.Single(await site.Server.Get<AuditLog>().ListAsync(site.Campaign.Year, null, CancellationToken.None));
        Assert.Equal((site.Centre.Id, LinkOperations.AddressChanged), (entry.Centre, entry.Action));
        Assert.Contains("a new link was e-mailed to new-coordinator@pac-test.example", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressChangedWhileNoCampaignIsOpenRevokesAndSendsNothing()
    {
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow.AddDays(-60));
        await using var site = await UploadSite.StartAsync(campaign: campaign);
        var csv = Cli.RegisterCommandsTests.CsvFile("id,name,coordinator_email,language", $"{site.Centre.Id},{site.Centre.Name},new-coordinator@pac-test.example,ru");

        var (exit, output, _) = await Pac.RunWithSettingsAsync(site.Server, "centres", "import", csv);
        File.Delete(csv);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("address changed", output, StringComparison.Ordinal);
        Assert.Empty(LinkEmails(site));
        Assert.False(await site.Server.Get<LinkRevocations>().IsRevokedAsync(site.Server.Get<UploadLinks>().ReadSigned(TokenOf(site.Url))!, CancellationToken.None));
        Assert.Equal("new-coordinator@pac-test.example", (await site.Server.Get<CentreRegister>().FindAsync(site.Centre.Id, CancellationToken.None))!.CoordinatorEmail);
    }

    [Fact]
    public async Task ALinkDiesWhenItsCentresLateWindowClosesAndAnExtensionGrantedAfterItWasSentKeepsItAlive()
    {
        var campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), "Europe/Paris");
        await using var site = await UploadSite.StartAsync(campaign.Deadline.AddDays(-1), campaign);
        await TestData.SeedAsync(site.Server.Services, campaign, French);
        var extendedLink = site.Url;
        var otherLink = site.LinkFor(French.Id);
        // Granted after the link was sent: its centre's on-time window (and so its late window) now ends an hour after
        // the campaign's late uploads close.
        site.Clock.SetUtcNow(campaign.Deadline.AddDays(2));
        await site.Server.Get<CentreDeadlines>().ExtendAsync(campaign.Year, site.Centre.Id, campaign.LateUploadsCloseAt, CancellationToken.None);

        site.Clock.SetUtcNow(campaign.LateUploadsCloseAt.AddMinutes(30));
        using var extended = await site.GetAsync(extendedLink);
        using var other = await site.GetAsync(otherLink, acceptLanguage: "en");
        site.Clock.SetUtcNow(campaign.LateUploadsCloseAt + campaign.Grace + TimeSpan.FromSeconds(1));
        using var extendedAfter = await site.GetAsync(extendedLink);
        using var upload = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "r.pdf", extendedLink);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var dead = await other.Content.ReadAsStringAsync();
        Assert.Contains($"mailto:{TestSettings.HqAddress}", dead, StringComparison.Ordinal);
        Assert.Contains("id=\"fresh-link\"", dead, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, extendedAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        // Dead well before the token's own expiry, a backstop 90 days later.
        Assert.True(site.Server.Get<UploadLinks>().ReadSigned(TokenOf(extendedLink))!.ExpiresAt > site.Clock.GetUtcNow().AddDays(80));
    }

    internal static async Task<string> RequestFreshLinkAsync(UploadSite site, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{site.Server.BaseAddress}api/upload/{token}/fresh-link?lang=en")
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The fresh links the centre was sent, known by their intro in its language (the local host's hourly reminder run
    /// may send a reminder when a test moves the clock on an hour).
    /// </summary>
    private static List<MimeMessage> FreshLinks(UploadSite site, Centre centre) =>
        [.. site.Server.Outbox.To(centre.CoordinatorEmail).Where(m => m.TextBody?.Contains(Texts.For(centre.Language).FreshLinkEmailIntro, StringComparison.Ordinal) == true)];

    /// <summary>Every fresh link and new-address link in the outbox, in any language.</summary>
    private static List<MimeMessage> LinkEmails(UploadSite site) =>
        [.. site.Server.Outbox.Messages().Where(m => Texts.All.Any(t =>
            m.TextBody?.Contains(t.FreshLinkEmailIntro, StringComparison.Ordinal) == true || m.TextBody?.Contains(t.AddressChangedEmailIntro, StringComparison.Ordinal) == true))];

    private static async Task<List<AuditEntry>> FreshLinkAuditAsync(UploadSite site, params int[] years)
    {
        var entries = new List<AuditEntry>();
        foreach (var year in years.Distinct())
        {
            entries.AddRange(await site.Server.Get<AuditLog>().ListAsync(year, null, CancellationToken.None));
        }

        Assert.All(entries, e => Assert.Equal((LinkOperations.FreshLinkRequested, LinkOperations.FreshLinkRequester), (e.Action, e.Who)));
        return entries;
    }

    /// <summary>The link an e-mail carries, on the test's host (pac builds its links on https://pac.example.org).</summary>
    private static string LinkIn(UploadSite site, MimeMessage email) =>
        $"{site.Server.BaseAddress}api/upload/{UploadLinkInText().Match(email.TextBody ?? "").Groups["token"].Value}";

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static string Forged(string token) => token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

    /// <summary>A text as the pages write it (every script as itself; apostrophes and quotes encoded).</summary>
    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    [GeneratedRegex(@"/api/upload/(?<token>[A-Za-z0-9._-]+)")]
    private static partial Regex UploadLinkInText();
}
