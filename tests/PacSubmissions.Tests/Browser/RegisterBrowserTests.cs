using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PacSubmissions.Centres;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Browser;

/// <summary>
/// HQ keeps the register in a real browser, as staff who are no developers would: add a centre and edit it, deactivate
/// it, import a ';' file with a preview; axe finds nothing on any of the register's pages.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class RegisterBrowserTests(Chromium chromium)
{
    private static async Task<IPage> SignedInAsync(IBrowserContext context, DashboardSite site)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard").ToString());
        await page.GetByLabel("Dashboard key").FillAsync(site.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api/dashboard$"));
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(UploadPageBrowserTests.WcagRules);
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    [Fact]
    public async Task HqAddsACentreCorrectsTheFormEditsTheCentreAndDeactivatesIt()
    {
        await using var site = await DashboardSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB", BypassCSP = true });
        var page = await SignedInAsync(context, site);
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.AcceptAsync();
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "The centre register" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Centre register");
        await AssertAccessibleAsync(page, "register");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a centre" }).ClickAsync();
        await AssertAccessibleAsync(page, "add form");
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync("br-rio");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Centro PAC Rio");
        await page.GetByLabel("City").FillAsync("Rio de Janeiro");
        await page.GetByLabel("Country", new() { Exact = true }).FillAsync("Brazil");
        await page.GetByLabel("Coordinator's e-mail address").FillAsync("rio@pac-test.example");
        await page.GetByLabel("Language").FillAsync("pt");
        await page.GetByLabel("Time zone").FillAsync("America/Rio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the centre" }).ClickAsync();

        // Refused: the form comes back as typed, the problem under its field, and axe finds nothing there either.
        await Assertions.Expect(page.Locator("#time_zone-error")).ToContainTextAsync("'America/Rio' is not an IANA time zone");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Centro PAC Rio");
        await AssertAccessibleAsync(page, "refused add form");
        await page.GetByLabel("Time zone").FillAsync("america/sao_paulo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the centre" }).ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("Added Centro PAC Rio (br-rio).");
        var row = page.Locator("#centre-br-rio");
        await Assertions.Expect(row).ToContainTextAsync("pt: e-mails go in English");
        await Assertions.Expect(row).ToContainTextAsync("America/Sao_Paulo");

        await row.GetByRole(AriaRole.Link, new() { Name = "Centro PAC Rio" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit Centro PAC Rio");
        await AssertAccessibleAsync(page, "edit form");
        await page.GetByLabel("Language").FillAsync("es");
        await page.GetByLabel("Coordinator's name").FillAsync("Maria Silva");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the centre" }).ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToHaveTextAsync("Saved Centro PAC Rio: coordinator_name, language changed.");
        await Assertions.Expect(row).Not.ToContainTextAsync("e-mails go in English");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate Centro PAC Rio" }).ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Centro PAC Rio is deactivated");
        await Assertions.Expect(row).ToContainTextAsync("Inactive");
        Assert.Equal(["Centro PAC Rio will get no e-mails and its links will stop working. Deactivate?"], dialogs);
        var saved = await site.Get<CentreRegister>().FindAsync("br-rio", CancellationToken.None);
        Assert.Equal(("es", "Maria Silva", false), (saved!.Language, saved.CoordinatorName, saved.Active));
    }

    [Fact]
    public async Task HqImportsASemicolonFileSeesWhatItChangesAndAppliesIt()
    {
        await using var site = await DashboardSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB", BypassCSP = true });
        var page = await SignedInAsync(context, site);
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/centres").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a CSV file" }).ClickAsync();
        await AssertAccessibleAsync(page, "import form");
        await page.GetByLabel("The register's CSV file").SetInputFilesAsync(RegisterDashboardTests.SemicolonFile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("#import-summary")).ToContainTextAsync("2 centre(s) to add, 1 to change");
        await Assertions.Expect(page.Locator("#import-added")).ToContainTextAsync("Centro PAC \"Rio\"");
        await Assertions.Expect(page.Locator("#import-added")).ToContainTextAsync("pt: e-mails go in English");
        await Assertions.Expect(page.Locator("#import-changed")).ToContainTextAsync("Aigerim Coordinator");
        await AssertAccessibleAsync(page, "import preview");
        Assert.Null(await site.Get<CentreRegister>().FindAsync("fr-paris", CancellationToken.None));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply these changes" }).ClickAsync();

        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Imported register-update-semicolon-1252.csv: 2 centre(s) added, 1 changed");
        await Assertions.Expect(page.Locator("#centre-fr-paris")).ToContainTextAsync("Élodie Müller");
        await Assertions.Expect(page.Locator("#centre-br-rio")).ToContainTextAsync("pt: e-mails go in English");
        await AssertAccessibleAsync(page, "register after the import");
    }
}
