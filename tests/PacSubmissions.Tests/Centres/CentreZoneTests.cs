using System.Text;
using PacSubmissions.Centres;

namespace PacSubmissions.Tests.Centres;

/// <summary>The register's time zones: checked against the IANA zones, and guessed from the city and country only where there is no doubt.</summary>
public sealed class CentreZoneTests
{
    private const string Header = "id,name,city,country,coordinator_email,time_zone";

    private static CentreCsvImport Read(string text) => CentreCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("Paris", "France", "Europe/Paris")]
    [InlineData("Seoul", "Republic of Korea", "Asia/Seoul")]
    [InlineData("", "Egypt", "Africa/Cairo")]
    [InlineData("Abidjan", "Cote d'Ivoire", "Africa/Abidjan")]
    [InlineData("Kyoto", "JP", "Asia/Tokyo")]
    public void ACountryWithOneZoneGivesThatZone(string city, string country, string zone) =>
        Assert.Equal(zone, CentreZones.Guess(city, country));

    [Theory]
    [InlineData("Almaty", "Kazakhstan", "Asia/Almaty")]
    [InlineData("Moscow", "Russian Federation", "Europe/Moscow")]
    [InlineData("  são paulo ", "Brazil", "America/Sao_Paulo")]
    [InlineData("Buenos Aires", "Argentina", "America/Argentina/Buenos_Aires")]
    public void ACityThatNamesAZoneOfItsCountryGivesThatZone(string city, string country, string zone) =>
        Assert.Equal(zone, CentreZones.Guess(city, country));

    [Theory]
    [InlineData("Rio de Janeiro", "Brazil")]
    [InlineData("Leipzig", "Germany")]
    [InlineData("", "Russia")]
    [InlineData("Paris", "")]
    [InlineData("Almaty", "Atlantis")]
    // Moscow names a zone, but of another country than the one given.
    [InlineData("Moscow", "Kazakhstan")]
    public void AnAmbiguousOrUnknownPlaceIsLeftEmpty(string city, string country) =>
        Assert.Null(CentreZones.Guess(city, country));

    [Fact]
    public void AnImportFillsAnEmptyZoneWhereThePlaceLeavesNoDoubtAndMarksTheRest()
    {
        var import = Read(string.Join('\n', Header,
            "kz-almaty,Almaty,Almaty,Kazakhstan,a@example.org,",
            "br-rio,Rio,Rio de Janeiro,Brazil,b@example.org,",
            "br-rio-set,Rio,Rio de Janeiro,Brazil,c@example.org,america/sao_paulo"));

        Assert.Empty(import.Errors);
        Assert.Equal(["Asia/Almaty", "", "America/Sao_Paulo"], import.Centres.Select(c => c.TimeZone));
        Assert.Equal(["br-rio"], import.Centres.Where(c => c.NeedsTimeZone).Select(c => c.Id));
    }

    [Fact]
    public void AZoneThatIsNoIanaZoneIsRefusedWithItsRowAndNothingIsImported()
    {
        var import = Read(string.Join('\n', Header,
            "kz-almaty,Almaty,Almaty,Kazakhstan,a@example.org,Asia/Almaty",
            "fr-paris,Paris,Paris,France,p@example.org,CET+1",
            "jp-tokyo,Tokyo,Tokyo,Japan,t@example.org,Asia/Tokio"));

        Assert.Empty(import.Centres);
        Assert.Equal([(3, "fr-paris"), (4, "jp-tokyo")], import.Errors.Select(e => (e.Line, e.CentreId!)));
        Assert.Contains("The time zone 'CET+1' is not an IANA time zone", import.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Asia/Tokio'", import.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Etc/GMT+12", "Etc/GMT+12")]
    [InlineData("utc", "UTC")]
    [InlineData("EUROPE/AMSTERDAM", "Europe/Amsterdam")]
    [InlineData("Etc/GMT+13", null)]
    [InlineData("Mars/Olympus_Mons", null)]
    public void ZonesAreCheckedAgainstTheIanaNamesAndSpelledAsIanaDoes(string zone, string? canonical) =>
        Assert.Equal(canonical, CentreZones.Canonical(zone));

    [Fact]
    public void ARowWrittenBeforeTheZoneColumnGetsTheGuess()
    {
        var row = new CentreRow { RowKey = "kz-almaty", City = "Almaty", Country = "Kazakhstan" };

        Assert.Equal("Asia/Almaty", row.ToCentre().TimeZone);
    }
}
