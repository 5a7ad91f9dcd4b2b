using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MimeKit;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Languages;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Browser;

/// <summary>HQ messages the incomplete centres and invites the rest in a real browser, each page scanned by axe.</summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class MessagesBrowserTests(Chromium chromium)
{
    /// <summary>A French centre in Paris, whose clocks read otherwise than the campaign's Anywhere on Earth.</summary>
    private static readonly Centre Paris = TestData.Centre("fr-paris", "PAC Centre Paris", "paris@pac-test.example") with
    {
        Language = "fr", CoordinatorName = "Mme Dupont", City = "Paris", Country = "France", TimeZone = "Europe/Paris",
    };

    private const string Subject = "Two questions still open";
    private const string Text = "Your report misses some answers.\nPlease send a new version.\n\n<b>Thank you</b>";

    [Fact]
    public async Task HqMessagesTheIncompleteCentresSeesThePreviewSendsAndEachGetsItOnceInItsLanguage()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.Get<CentreRegister>().SaveAsync(Paris, CancellationToken.None);
        await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("incomplete-2021.docx"));
        await site.UploadAsync(Paris, Samples.PathOf("incomplete-2021.docx"));
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB", BypassCSP = true });
        var page = await context.NewPageAsync();
        var confirmed = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            confirmed.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030").ToString());
        await page.GetByLabel("Dashboard key").FillAsync(site.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Message centres" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Message centres");
        await AssertAxeCleanAsync(page, "the form");
        await page.GetByLabel("Incomplete report").CheckAsync();
        await page.GetByLabel("Subject").FillAsync(Subject);
        await page.GetByLabel("Text").FillAsync(Text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Assertions.Expect(page.Locator("#to-send")).ToHaveTextAsync("2 of 2 centres will get it.");
        await Assertions.Expect(page.Locator("#sample-fr")).ToContainTextAsync("Français (fr): 1 centre");
        await Assertions.Expect(page.Locator(".sample pre[lang=fr]")).ToContainTextAsync("Madame, Monsieur Mme Dupont,");
        await Assertions.Expect(page.Locator(".sample pre[lang=fr]")).ToContainTextAsync("<b>Thank you</b>");
        await Assertions.Expect(page.Locator("#recipients tbody tr")).ToHaveCountAsync(2);
        Assert.Empty(Messages(site.Server.Outbox));
        await AssertAxeCleanAsync(page, "the preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send to 2 centres" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("2 sent, 0 had it already");
        Assert.Equal(["Send this message to 2 centres?"], confirmed);
        await AssertAxeCleanAsync(page, "the result");

        // Each centre once, in its language, with its link and its deadline in its own time.
        var campaign = site.Campaign;
        foreach (var centre in new[] { DashboardSite.Almaty, Paris })
        {
            var email = Assert.Single(Messages(site.Server.Outbox), m => m.To.Mailboxes.Single().Address == centre.CoordinatorEmail);
            var texts = Texts.For(centre.Language);
            var body = email.TextBody!.ReplaceLineEndings("\n");
            Assert.Equal(Subject, email.Subject);
            Assert.StartsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.Greeting, centre.CoordinatorName), body, StringComparison.Ordinal);
            Assert.Contains(Texts.Format(texts.MessageDeadlineAhead, campaign.Year, CoordinatorEmails.Deadline(campaign.Deadline, campaign, centre, texts)), body, StringComparison.Ordinal);
            Assert.Contains(texts.MessageLink + "\n\n" + site.Server.BaseAddress.ToString().TrimEnd('/') + "/api/upload/", body, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;Thank you&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        }

        // Paris's own time beside the campaign's: the deadline, 12:00 UTC, is 14:00 in Paris in July.
        Assert.Contains("à 14:00 chez vous", Messages(site.Server.Outbox).Single(m => m.To.Mailboxes.Single().Address == Paris.CoordinatorEmail).TextBody,
            StringComparison.Ordinal);

        // The same form posted again (a reload, a double click) sends nothing more.
        using var again = await site.PostAsync("/api/dashboard/2030/messages", ("state", "incomplete"), ("subject", Subject), ("text", Text), ("step", "send"));
        Assert.Contains("0 sent, 2 had it already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Messages(site.Server.Outbox).Count);

        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/centres/fr-paris").ToString());
        await Assertions.Expect(page.Locator("#emails")).ToContainTextAsync(Subject);
    }

    [Fact]
    public async Task HqPreviewsTheInvitationsPerLanguageAndSendsThemOnce()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.Get<CentreRegister>().SaveAsync(Paris, CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB", BypassCSP = true });
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030").ToString());
        await page.GetByLabel("Dashboard key").FillAsync(site.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Invite all centres not yet invited" }).ClickAsync();
        await Assertions.Expect(page.Locator("#to-send")).ToHaveTextAsync("3 of 3 centres will get it.");
        await Assertions.Expect(page.Locator(".sample")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#sample-ru")).ToContainTextAsync("(ru): 2 centres");
        await Assertions.Expect(page.Locator(".sample pre[lang=fr]")).ToContainTextAsync("Madame, Monsieur Mme Dupont,");
        await AssertAxeCleanAsync(page, "the invitations' preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send 3 invitations" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("3 sent, 0 had it already");
        await AssertAxeCleanAsync(page, "the invitations sent");
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/invitations").ToString());
        await Assertions.Expect(page.Locator("#to-send")).ToHaveTextAsync("0 of 3 centres will get it.");

        Assert.Equal(3, site.Server.Outbox.Messages().Count(m => Kind(m) == EmailKinds.Invitation));
    }

    private static List<MimeMessage> Messages(Outbox outbox) => [.. outbox.Messages().Where(m => Kind(m) == EmailKinds.Message)];

    private static string? Kind(MimeMessage message) => message.Headers[OutboxEmailSender.KeyHeader]?.Split('|')[2];

    private static async Task AssertAxeCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
