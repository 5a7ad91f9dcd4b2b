using System.Text;
using PacSubmissions.Centres;
using PacSubmissions.Csv;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Demo;

namespace PacSubmissions.Tests.Centres;

public sealed class CentreCsvTests
{
    private const string Header = "id,name,institution,city,country,countries_served,coordinator_name,coordinator_email,language,active";

    private static CentreCsvImport Read(string text, Encoding? encoding = null)
    {
        encoding ??= Encoding.UTF8;
        return CentreCsv.Read(new MemoryStream([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]));
    }

    [Fact]
    public void ValidFileGivesEveryCentreWithItsFields()
    {
        var import = Read($"{Header}\r\nkz-almaty,\"PAC Centre, Almaty\",National Library,Almaty,Kazakhstan,Kazakhstan;Uzbekistan,\"Ms \"\"A\"\"\",a@nlrk.example.kz,RU,\n");

        var centre = Assert.Single(import.Centres);
        Assert.Empty(import.Errors);
        Assert.Equal(new Centre("kz-almaty", "PAC Centre, Almaty", "National Library", "Almaty", "Kazakhstan", "Ms \"A\"",
            "a@nlrk.example.kz", "ru", true, "Kazakhstan;Uzbekistan", "Asia/Almaty"), centre);
    }

    [Fact]
    public void EachBadRowIsReportedWithItsLineAndNothingIsImported()
    {
        var import = Read(string.Join('\n',
            Header,
            "kz-almaty,Almaty,,,,,,a@example.org,ru,true",
            "KZ Astana,Astana,,,,,,b@example.org,ru,true",
            "kz-almaty,Almaty again,,,,,,c@example.org,ru,true",
            "br-rio,Rio,,,,,,not-an-address,pt,true",
            "cn-beijing,,,,,,,d@example.org,zh,maybe",
            "short,row"));

        Assert.Empty(import.Centres);
        Assert.False(import.IsValid);
        Assert.Contains(import.Errors, e => e.Line == 3 && e.Message.Contains("'KZ Astana' is not valid", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 4 && e.Message.Contains("already used on line 2", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 5 && e.Message.Contains("'not-an-address' is not an e-mail", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 6 && e.Message.Contains("name is empty", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 6 && e.Message.Contains("'maybe'", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Line == 7 && e.Message.Contains("2 fields", StringComparison.Ordinal));
        Assert.DoesNotContain(import.Errors, e => e.Line == 2);
    }

    [Fact]
    public void FileInAnotherEncodingIsRefusedWithAHint()
    {
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\nfr-paris,Bibliothèque nationale,,,,,,p@example.org,fr,true\n");

        var import = CentreCsv.Read(new MemoryStream(latin1));

        var error = Assert.Single(import.Errors);
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Empty(import.Centres);
    }

    [Fact]
    public void Utf16FileWithItsMarkIsRead()
    {
        var import = Read($"{Header}\nfr-paris,Bibliothèque nationale,,,,,,p@example.org,fr,true\n", new UnicodeEncoding(false, true));

        Assert.Equal("Bibliothèque nationale", Assert.Single(import.Centres).Name);
    }

    [Fact]
    public void UnknownAndMissingColumnsAreNamed()
    {
        var import = Read("id,name,e-mail\nkz-almaty,Almaty,a@example.org\n");

        Assert.Contains(import.Errors, e => e.Message.Contains("Unknown column 'e-mail'", StringComparison.Ordinal));
        Assert.Contains(import.Errors, e => e.Message.Contains("'coordinator_email' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void ExportReadsBackAsTheSameCentres()
    {
        var centres = new[]
        {
            new Centre("kz-almaty", "PAC, \"Almaty\"", "Library\nof Kazakhstan", "Almaty", "Kazakhstan", "A", "a@example.org", "ru", true, "KZ;UZ", "Asia/Almaty"),
            new Centre("eg-cairo", "القاهرة", "", "", "", "", "", "ar", false),
            new Centre("br-rio", "Rio", "", "Rio de Janeiro", "Brazil", "", "", "pt", true, "", "America/Sao_Paulo"),
        };
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, CsvFile.Utf8WithBom, leaveOpen: true))
        {
            CentreCsv.Write(writer, centres);
        }

        Assert.Equal(CsvFile.Utf8WithBom.GetPreamble(), buffer.ToArray()[..3]);
        buffer.Position = 0;
        Assert.Equal(centres.OrderBy(c => c.Id, StringComparer.Ordinal), CentreCsv.Read(buffer).Centres);
    }

    [Fact]
    public void ShippedExampleCentresAreValidAndMarkedAsExamples()
    {
        using var file = File.OpenRead(DemoData.CentresCsv(RepositoryRoot.Find()));

        var import = CentreCsv.Read(file);

        Assert.Empty(import.Errors);
        Assert.NotEmpty(import.Centres);
        Assert.All(import.Centres, c => Assert.Contains("EXAMPLE", c.Name, StringComparison.Ordinal));
        Assert.All(import.Centres, c => Assert.True(c.CoordinatorEmail.Length == 0 || c.CoordinatorEmail.EndsWith("@example.org", StringComparison.Ordinal)));
    }
}
