using System.Net;
using System.Text.RegularExpressions;
using PacSubmissions.Audit;
using PacSubmissions.Centres;
using PacSubmissions.Dashboard;
using PacSubmissions.LocalHost;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// The register on the dashboard, over HTTP on the local host and Azurite: add, edit, deactivate, and import with a
/// preview, each through the import's own operation (its checks, one audit entry), each refused change losing nothing.
/// </summary>
public sealed class RegisterDashboardTests
{
    private const string Register = "/api/dashboard/centres";

    /// <summary>The register file LibreOffice Calc saved as a European spreadsheet does: ';', Windows-1252.</summary>
    public static string SemicolonFile => Path.Combine(RepositoryRoot.Find(), "tests", "PacSubmissions.Tests", "Centres", "Files", "register-update-semicolon-1252.csv");

    private static (string, string)[] NewCentre(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "de-berlin", ["name"] = "PAC Centre Berlin", ["institution"] = "Staatsbibliothek", ["city"] = "Berlin", ["country"] = "Germany",
            ["countries_served"] = "Germany;Austria", ["coordinator_name"] = "K. Schmidt", ["coordinator_email"] = "k.schmidt@pac-test.example",
            ["language"] = "de", ["time_zone"] = "",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return [.. fields.Select(f => (f.Key, f.Value))];
    }

    private static async Task<IReadOnlyList<AuditEntry>> RegisterEntriesAsync(DashboardSite site) =>
        [.. (await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None)).Where(e => e.Action == LinkOperations.RegisterChanged)];

    private static async Task<string> NoticeAsync(HttpResponseMessage response)
    {
        // The site's client follows the redirect a saved change answers with, to the register's page.
        Assert.Equal((HttpStatusCode.OK, Register), (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return Regex.Match(page, "id=\"notice\">([^<]*)<").Groups[1].Value;
    }

    [Fact]
    public async Task AnAddedCentreIsInTheRegisterWithItsZoneFromItsCityAndOneAuditEntry()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.PostAsync(Register + "/new", NewCentre());

        Assert.Equal("Added PAC Centre Berlin (de-berlin).", await NoticeAsync(response));
        var saved = await site.Get<CentreRegister>().FindAsync("de-berlin", CancellationToken.None);
        Assert.Equal(new Centre("de-berlin", "PAC Centre Berlin", "Staatsbibliothek", "Berlin", "Germany", "K. Schmidt", "k.schmidt@pac-test.example",
            "de", true, "Germany;Austria", "Europe/Berlin"), saved);
        var entry = Assert.Single(await RegisterEntriesAsync(site));
        Assert.Equal(("de-berlin", "added de-berlin (PAC Centre Berlin)"), (entry.Centre, entry.Detail));
        Assert.Contains("PAC Centre Berlin", await site.PageAsync(Register), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedCentreComesBackWithWhatWasTypedAndEachProblemUnderItsFieldAndNothingSaved()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.PostAsync(Register + "/new", NewCentre(("time_zone", "Europe/Berlinn"), ("language", "german!"), ("name", "PAC Centre Berlin <b>")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Europe/Berlinn\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"PAC Centre Berlin &lt;b&gt;\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"k.schmidt@pac-test.example\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"time_zone-error\">The time zone &#x27;Europe/Berlinn&#x27; is not an IANA time zone", page, StringComparison.Ordinal);
        Assert.Contains("id=\"language-error\">The language &#x27;german!&#x27; is not a language code", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"time_zone-error time_zone-hint\" aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Null(await site.Get<CentreRegister>().FindAsync("de-berlin", CancellationToken.None));
        Assert.Empty(await RegisterEntriesAsync(site));
    }

    [Fact]
    public async Task AddingAnIdTheRegisterHasIsRefusedAndTheCentreKept()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.PostAsync(Register + "/new", NewCentre(("id", "kz-almaty")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already has the centre 'kz-almaty' (PAC Centre Almaty)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(DashboardSite.Almaty, await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None));
    }

    [Fact]
    public async Task ANewCoordinatorAddressDuringTheCampaignRevokesTheOldLinksSendsOneToTheNewAddressAndSaysSo()
    {
        await using var site = await DashboardSite.StartAsync();
        var oldLink = site.Get<UploadLinks>().CreateToken("kz-almaty", site.Campaign);
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        var edit = await site.PageAsync(Register + "/kz-almaty/edit");
        Assert.Contains("value=\"coordinator@pac-test.example\"", edit, StringComparison.Ordinal);

        using var response = await site.PostAsync(Register + "/kz-almaty/edit",
            [.. EditFields(DashboardSite.Almaty with { CoordinatorEmail = "new.coordinator@pac-test.example" }), VersionIn(edit)]);

        var notice = await NoticeAsync(response);
        // The register had no zone for Almaty: saving fills it from the city, as an import does.
        Assert.StartsWith("Saved PAC Centre Almaty: coordinator_email, time_zone changed.", notice, StringComparison.Ordinal);
        Assert.Contains("a new link was e-mailed to new.coordinator@pac-test.example", notice, StringComparison.Ordinal);
        Assert.Equal("new.coordinator@pac-test.example", (await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None))!.CoordinatorEmail);
        Assert.True(await site.Get<LinkRevocations>().IsRevokedAsync(site.Get<UploadLinks>().Verify(oldLink)!, CancellationToken.None));
        Assert.Single(await RegisterEntriesAsync(site));
    }

    [Fact]
    public async Task AnEditOverSomeoneElsesNewerChangeIsRefusedWithTheInputKeptAndTheirChangeStays()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = VersionIn(await site.PageAsync(Register + "/kz-almaty/edit"));
        await site.Get<CentreRegister>().SaveAsync(DashboardSite.Almaty with { CoordinatorName = "Changed Elsewhere" }, CancellationToken.None);

        using var response = await site.PostAsync(Register + "/kz-almaty/edit", [.. EditFields(DashboardSite.Almaty with { City = "Astana" }), version]);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Not saved: PAC Centre Almaty was changed by someone else since this form was opened.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Astana\"", page, StringComparison.Ordinal);
        var stored = await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None);
        Assert.Equal(("Changed Elsewhere", "Almaty"), (stored!.CoordinatorName, stored.City));
        Assert.Empty(await RegisterEntriesAsync(site));
        // The form came back on the centre as it is now: sent again, it saves.
        using var again = await site.PostAsync(Register + "/kz-almaty/edit", [.. EditFields(stored with { City = "Astana" }), VersionIn(page)]);
        Assert.Equal("Astana", (await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None))!.City);
    }

    [Fact]
    public async Task ADeactivatedCentreIsMarkedInactiveAndCanBeReactivated()
    {
        await using var site = await DashboardSite.StartAsync();

        var deactivated = await NoticeAsync(await site.PostAsync(Register + "/kz-almaty/active", ("active", "false")));
        var inactive = await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None);
        var list = await site.PageAsync(Register);
        var reactivated = await NoticeAsync(await site.PostAsync(Register + "/kz-almaty/active", ("active", "true")));

        Assert.StartsWith("PAC Centre Almaty is deactivated", deactivated, StringComparison.Ordinal);
        Assert.False(inactive!.Active);
        Assert.Matches("<tr class=\"inactive\" id=\"centre-kz-almaty\">", list);
        Assert.StartsWith("PAC Centre Almaty is active again", reactivated, StringComparison.Ordinal);
        Assert.True((await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None))!.Active);
        Assert.Equal(2, (await RegisterEntriesAsync(site)).Count);
    }

    [Fact]
    public async Task ALanguageOutsideTheSevenIsFlaggedOnTheRegisterAndTheCentresPage()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.Get<CentreRegister>().SaveAsync(DashboardSite.Almaty with { Language = "pt" }, CancellationToken.None);

        var register = WebUtility.HtmlDecode(await site.PageAsync(Register));
        var centrePage = WebUtility.HtmlDecode(await site.PageAsync("/api/dashboard/2030/centres/kz-almaty"));
        var evilPage = WebUtility.HtmlDecode(await site.PageAsync("/api/dashboard/2030/centres/xx-evil"));

        Assert.Contains("<span class=\"flag\">pt: e-mails go in English</span>", register, StringComparison.Ordinal);
        Assert.Contains("<span class=\"flag\">pt: e-mails go in English</span>", centrePage, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/dashboard/centres/kz-almaty/edit\"", centrePage, StringComparison.Ordinal);
        // Russian is one of the seven: nothing to flag.
        Assert.DoesNotContain("e-mails go in English", evilPage, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(register, "e-mails go in English"));
    }

    [Fact]
    public async Task AChangeWithoutThePagesTokenIsRefusedAndChangesNothing()
    {
        await using var site = await DashboardSite.StartAsync();
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("active", "false")]);

        using var response = await site.Server.Client.PostAsync(Register + "/kz-almaty/active", form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((await site.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task AnImportFromAnotherSiteIsRefusedBeforeTheFileIsRead()
    {
        await using var site = await DashboardSite.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Register + "/import/apply")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create(DashboardSessions.AntiforgeryField, (await site.AntiforgeryAsync())!)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await site.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("sent from another web site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportIsPreviewedWithItsChangesAndTheApplyWritesExactlyThemOnce()
    {
        await using var site = await DashboardSite.StartAsync();

        using var preview = await UploadAsync(site, SemicolonFile);
        var page = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("2 centre(s) to add, 1 to change, 0 already as in the file. 1 centre(s) of the register are not in the file", page, StringComparison.Ordinal);
        Assert.Contains("pt: e-mails go in English", page, StringComparison.Ordinal);
        Assert.Contains("<td>coordinator_name</td><td>A. Coordinator</td><td>Aigerim Coordinator", page, StringComparison.Ordinal);
        Assert.Contains("<td>countries_served</td><td>(empty)</td><td>Kazakhstan;Kyrgyzstan", page, StringComparison.Ordinal);
        Assert.Null(await site.Get<CentreRegister>().FindAsync("fr-paris", CancellationToken.None));

        var notice = await NoticeAsync(await site.PostAsync(Register + "/import/apply", ApplyFields(page)));

        Assert.StartsWith("Imported register-update-semicolon-1252.csv: 2 centre(s) added, 1 changed, 0 already as in the file.", notice, StringComparison.Ordinal);
        var centres = (await site.Get<CentreRegister>().ListAsync(CancellationToken.None)).ToDictionary(c => c.Id);
        Assert.Equal(("Élodie Müller", "France;Belgique;Suisse", "Europe/Paris"), (centres["fr-paris"].CoordinatorName, centres["fr-paris"].CountriesServed, centres["fr-paris"].TimeZone));
        Assert.Equal("Centro PAC \"Rio\"", centres["br-rio"].Name);
        Assert.Equal("Aigerim Coordinator", centres["kz-almaty"].CoordinatorName);
        Assert.Equal(DashboardSite.Evil, centres["xx-evil"]);
        var entry = Assert.Single(await RegisterEntriesAsync(site));
        Assert.StartsWith("added fr-paris (Centre PAC de Paris); added br-rio (Centro PAC \"Rio\"); changed kz-almaty (countries_served '' → 'Kazakhstan;Kyrgyzstan', coordinator_name 'A. Coordinator' → 'Aigerim Coordinator'", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyingAPreviewAfterTheRegisterChangedShowsWhatTheFileWouldDoNowAndWritesNothing()
    {
        await using var site = await DashboardSite.StartAsync();
        using var preview = await UploadAsync(site, SemicolonFile);
        var fields = ApplyFields(WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync()));
        await site.Get<CentreRegister>().SaveAsync(DashboardSite.Almaty with { CoordinatorName = "Aigerim Coordinator" }, CancellationToken.None);

        using var response = await site.PostAsync(Register + "/import/apply", fields);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("the register changed since the preview", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>coordinator_name</td>", page, StringComparison.Ordinal);
        Assert.Null(await site.Get<CentreRegister>().FindAsync("fr-paris", CancellationToken.None));
        Assert.Empty(await RegisterEntriesAsync(site));
    }

    [Fact]
    public async Task AFileWithBadRowsShowsEachProblemByItsLineAndOffersNoApply()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await UploadTextAsync(site, "id;name;coordinator_email\r\nfr-paris;Paris;p@pac-test.example\r\nKZ Astana;Astana;not-an-address\r\n");

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<td>3</td><td>KZ Astana</td><td>The id 'KZ Astana' is not valid", page, StringComparison.Ordinal);
        Assert.Contains("<td>3</td><td>KZ Astana</td><td>The coordinator e-mail 'not-an-address' is not an e-mail address.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Apply these changes", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNoRegisterIsToldTheHeaderItNeeds()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await UploadTextAsync(site, "Name;Address;Phone\r\nAlmaty;Somewhere;123\r\n");

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"This file is not a centre register: its first line must be the header naming the columns, {CentreCsv.Header}", page, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(DashboardSite site, string path) =>
        await UploadAsync(site, await File.ReadAllBytesAsync(path), Path.GetFileName(path));

    private static Task<HttpResponseMessage> UploadTextAsync(DashboardSite site, string text) =>
        UploadAsync(site, System.Text.Encoding.UTF8.GetBytes(text), "centres.csv");

    /// <summary>Sends a file from the import page's form, as the browser does: multipart, with the page's token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(DashboardSite site, byte[] content, string fileName)
    {
        var token = await site.AntiforgeryAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token!), DashboardSessions.AntiforgeryField },
            { new ByteArrayContent(content), RegisterHandler.FileField, fileName },
        };
        return await site.Server.Client.PostAsync(Register + "/import", form);
    }

    /// <summary>The edit form's fields for a centre, as HQ would fill them in.</summary>
    private static IEnumerable<(string, string)> EditFields(Centre centre) =>
        CentreCsv.Columns.Zip(CentreCsv.Values(centre)).Where(f => f.First is not ("id" or "active"));

    private static (string, string) VersionIn(string page) =>
        (RegisterHandler.VersionField, Regex.Match(page, $"name=\"{RegisterHandler.VersionField}\" value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>The hidden fields of the preview's apply form.</summary>
    private static (string, string)[] ApplyFields(string page) =>
        [.. new[] { RegisterHandler.FileNameField, RegisterHandler.ContentField, RegisterHandler.FingerprintField }
            .Select(name => (name, Regex.Match(page, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value))];
}
