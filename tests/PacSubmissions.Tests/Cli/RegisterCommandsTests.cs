using System.Text;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Cli;

/// <summary><c>pac centres import|export</c> and <c>pac campaign open</c> against real Azurite.</summary>
public sealed class RegisterCommandsTests
{
    internal static string CsvFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"centres-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', lines), Encoding.UTF8);
        return path;
    }

    [Fact]
    public async Task ImportCreatesAndUpdatesCentres()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<CentreRegister>().SaveAsync(TestData.Centre("kz-almaty", "Old name"), CancellationToken.None);
        var csv = CsvFile("id,name,coordinator_email,language", "kz-almaty,New name,a@example.org,ru", "br-rio,Rio,b@example.org,pt");

        var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "import", csv);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 2 centre(s)", output, StringComparison.Ordinal);
        var centres = await pipeline.Get<CentreRegister>().ListAsync(CancellationToken.None);
        Assert.Equal(["br-rio", "kz-almaty"], centres.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal("New name", centres.Single(c => c.Id == "kz-almaty").Name);
        File.Delete(csv);
    }

    [Fact]
    public async Task ImportAndListNameTheCentresWhoseTimeZoneMustBeSetByHand()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var csv = CsvFile("id,name,city,country,coordinator_email,time_zone",
            "kz-almaty,Almaty,Almaty,Kazakhstan,a@example.org,",
            "br-rio,Rio,Rio de Janeiro,Brazil,b@example.org,",
            "br-recife,Recife,Recife,Brazil,c@example.org,America/Recife");

        var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "import", csv);
        var (listExit, list, _) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "list");

        Assert.Equal((0, 0), (exit, listExit));
        const string Missing = "1 centre(s) need a time zone set by hand (their city and country do not settle it): br-rio (Rio de Janeiro, Brazil).";
        Assert.Contains(Missing, output, StringComparison.Ordinal);
        Assert.Contains(Missing, list, StringComparison.Ordinal);
        Assert.Contains("kz-almaty\tAlmaty\tAlmaty, Kazakhstan\ten\tAsia/Almaty", list, StringComparison.Ordinal);
        Assert.Contains("br-rio\tRio\tRio de Janeiro, Brazil\ten\t(no time zone)", list, StringComparison.Ordinal);
        var centres = await pipeline.Get<CentreRegister>().ListAsync(CancellationToken.None);
        Assert.Equal("America/Recife", centres.Single(c => c.Id == "br-recife").TimeZone);
        File.Delete(csv);
    }

    [Fact]
    public async Task ImportReadsASemicolonFileInWindows1252AsASpreadsheetSavesIt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<CentreRegister>().SaveAsync(TestData.Centre(), CancellationToken.None);

        var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "import", Dashboard.RegisterDashboardTests.SemicolonFile);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 3 centre(s): 2 added, 1 changed, 0 unchanged.", output, StringComparison.Ordinal);
        var paris = await pipeline.Get<CentreRegister>().FindAsync("fr-paris", CancellationToken.None);
        Assert.Equal(("Élodie Müller", "France;Belgique;Suisse"), (paris!.CoordinatorName, paris.CountriesServed));
    }

    [Fact]
    public async Task ImportOfAFileThatIsNoRegisterNamesTheHeaderItNeeds()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var csv = CsvFile("Name;Address;Phone", "Almaty;Somewhere;123");

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "import", csv);

        Assert.Equal(1, exit);
        Assert.Contains($"file: This file is not a centre register: its first line must be the header naming the columns, {CentreCsv.Header}", error, StringComparison.Ordinal);
        File.Delete(csv);
    }

    [Fact]
    public async Task ImportWithOneBadRowWritesNothingAndSaysWhy()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var csv = CsvFile("id,name,coordinator_email", "kz-almaty,Almaty,a@example.org", "br-rio,Rio,no-at-sign");

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "import", csv);

        Assert.Equal(1, exit);
        Assert.Contains("line 3 (br-rio)", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<CentreRegister>().ListAsync(CancellationToken.None));
        File.Delete(csv);
    }

    [Fact]
    public async Task ExportWritesTheRegisterForExcel()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<CentreRegister>().SaveAsync(TestData.Centre(), CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.csv");

        var (exit, _, _) = await Pac.RunWithSettingsAsync(pipeline, null, "centres", "export", "--output", path);

        Assert.Equal(0, exit);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        await using var read = File.OpenRead(path);
        // The register had no zone for the centre; read back, the empty column is filled from Almaty, Kazakhstan.
        Assert.Equal([TestData.Centre() with { TimeZone = "Asia/Almaty" }], CentreCsv.Read(read).Centres);
        File.Delete(path);
    }

    [Fact]
    public async Task CampaignOpenStoresDatesFromItsTimeZone()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "campaign", "open", "2031", "--timezone", "Europe/Paris",
            "--opens", "2031-04-01", "--deadline", "2031-07-15", "--late-until", "2031-08-31", "--grace-minutes", "30");

        Assert.Equal(0, exit);
        var campaign = await pipeline.Get<CampaignStore>().FindAsync(2031, CancellationToken.None);
        Assert.NotNull(campaign);
        Assert.Equal(new DateTimeOffset(2031, 3, 31, 22, 0, 0, TimeSpan.Zero), campaign.OpensAt);
        Assert.Equal(new DateTimeOffset(2031, 7, 15, 21, 59, 59, TimeSpan.Zero), campaign.Deadline);
        Assert.Equal("Europe/Paris", campaign.TimeZone);
        Assert.Equal(TimeSpan.FromMinutes(30), campaign.Grace);
        Assert.Equal(new DateTimeOffset(2031, 8, 31, 21, 59, 59, TimeSpan.Zero), campaign.LateUploadsCloseAt);
        Assert.Contains("2031-07-15 23:59:59", output, StringComparison.Ordinal);
        Assert.Equal(PacSubmissions.Forms.FormDefinitions.CurrentVersion, campaign.FormVersion);
        Assert.Contains("form           pac-annual-report-2020", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--deadline", "15/07/2031", "is not a date")]
    [InlineData("--timezone", "Mars/Olympus", "Mars/Olympus")]
    [InlineData("--late-until", "2031-07-01", "must close after the deadline")]
    [InlineData("--form", "pac-annual-report-1999", "no form definition is named \"pac-annual-report-1999\"")]
    public async Task CampaignOpenRefusesBadDatesAndStoresNothing(string option, string value, string message)
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "campaign", "open", "2031", option, value);

        Assert.Equal(1, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Null(await pipeline.Get<CampaignStore>().FindAsync(2031, CancellationToken.None));
    }
}
