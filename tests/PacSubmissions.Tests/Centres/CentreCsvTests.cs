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

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Two centres as Excel's plain "CSV" writes them where the list separator is ';': Windows-1252, no mark, CRLF, quotes only where a field needs them.</summary>
    private const string SemicolonRows =
        "id;name;institution;city;country;countries_served;coordinator_name;coordinator_email;language;active;time_zone\r\n" +
        "fr-paris;Centre PAC de Paris;Bibliothèque nationale de France;Paris;France;\"France;Belgique;Suisse\";Élodie Müller;elodie@pac-test.example;fr;TRUE;\r\n" +
        "br-rio;\"Centro PAC \"\"Rio\"\"\";Biblioteca Nacional;Rio de Janeiro;Brazil;Brazil;João Conceição – €;joao@pac-test.example;pt;TRUE;America/Sao_Paulo\r\n";

    [Fact]
    public void SemicolonFileInWindows1252AsExcelWritesItIsRead()
    {
        var import = CentreCsv.Read(new MemoryStream(Windows1252.GetBytes(SemicolonRows)));

        Assert.Empty(import.Errors);
        Assert.Equal(["fr-paris", "br-rio"], import.Centres.Select(c => c.Id));
        var paris = import.Centres[0];
        Assert.Equal(("Bibliothèque nationale de France", "France;Belgique;Suisse", "Élodie Müller", "Europe/Paris"),
            (paris.Institution, paris.CountriesServed, paris.CoordinatorName, paris.TimeZone));
        Assert.Equal(("Centro PAC \"Rio\"", "João Conceição – €"), (import.Centres[1].Name, import.Centres[1].CoordinatorName));
    }

    [Fact]
    public void SemicolonFileLibreOfficeCalcSavedInWindows1252IsRead()
    {
        using var file = File.OpenRead(Path.Combine(RepositoryRoot.Find(), "tests", "PacSubmissions.Tests", "Centres", "Files", "register-update-semicolon-1252.csv"));

        var import = CentreCsv.Read(file);

        Assert.Empty(import.Errors);
        Assert.Equal(["fr-paris", "br-rio", "kz-almaty"], import.Centres.Select(c => c.Id));
        Assert.Equal(("Élodie Müller", "France;Belgique;Suisse"), (import.Centres[0].CoordinatorName, import.Centres[0].CountriesServed));
        Assert.Equal(("Centro PAC \"Rio\"", "João Conceição"), (import.Centres[1].Name, import.Centres[1].CoordinatorName));
    }

    [Fact]
    public void SemicolonFileInUtf8WithItsMarkIsRead()
    {
        var import = Read(SemicolonRows);

        Assert.Empty(import.Errors);
        Assert.Equal("João Conceição – €", import.Centres[1].CoordinatorName);
    }

    [Fact]
    public void TabSeparatedUnicodeTextAsExcelWritesItIsRead()
    {
        // Excel's "Unicode Text": UTF-16 little-endian with its mark, tab-separated, CRLF.
        var import = Read(SemicolonRows.Replace("\"France;Belgique;Suisse\"", "France;Belgique;Suisse", StringComparison.Ordinal).Replace(';', '\t')
            .Replace("France\tBelgique\tSuisse", "France;Belgique;Suisse", StringComparison.Ordinal), new UnicodeEncoding(false, true));

        Assert.Empty(import.Errors);
        Assert.Equal("France;Belgique;Suisse", import.Centres[0].CountriesServed);
        Assert.Equal("Centro PAC \"Rio\"", import.Centres[1].Name);
    }

    [Fact]
    public void ASemicolonRowWithABadFieldIsNamedByItsLine()
    {
        var import = CentreCsv.Read(new MemoryStream(Windows1252.GetBytes(SemicolonRows + "de-berlin;Berlin;;;;;;not-an-address;de;TRUE;\r\n")));

        var error = Assert.Single(import.Errors);
        Assert.Equal((4, "de-berlin", "coordinator_email"), (error.Line, error.CentreId, error.Column));
        Assert.Empty(import.Centres);
    }

    [Theory]
    [InlineData("Name,Address,Phone\nAlmaty,Somewhere,123\n")]
    [InlineData("centre;e-mail\nkz-almaty;a@example.org\n")]
    public void AFileThatIsNoRegisterIsToldTheHeaderItNeeds(string text)
    {
        var error = Assert.Single(Read(text).Errors);

        Assert.Equal(0, error.Line);
        Assert.Contains("not a centre register", error.Message, StringComparison.Ordinal);
        Assert.Contains(CentreCsv.Header, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWorkbookInsteadOfItsCsvIsToldHowToSaveIt()
    {
        var error = Assert.Single(CentreCsv.Read(new MemoryStream([.. "PK\u0003\u0004"u8, .. new byte[100]])).Errors);

        Assert.Contains("workbook, not a CSV file", error.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileMarkedUtf8WhoseBytesAreNotIsRefusedWithAHint()
    {
        var import = CentreCsv.Read(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Windows1252.GetBytes(SemicolonRows)]));

        Assert.Contains("not readable text", Assert.Single(import.Errors).Message, StringComparison.Ordinal);
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
