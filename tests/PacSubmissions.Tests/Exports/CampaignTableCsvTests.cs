using System.Text;
using PacSubmissions.Centres;
using PacSubmissions.Csv;
using PacSubmissions.Exports;
using PacSubmissions.Reports;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Exports;

public sealed class CampaignTableCsvTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Almaty = centre", "Almaty = centre")]
    [InlineData("report;=2+5;@SUM(1+1).docx", "report;'=2+5;'@SUM(1+1).docx")]
    [InlineData("a,-1\tb\t+c", "a,'-1\tb\t'+c")]
    [InlineData("x; \"=cmd\"", "x; \"'=cmd\"")]
    [InlineData("line\n@one", "line\n'@one")]
    [InlineData("Smith-Jones; co-op", "Smith-Jones; co-op")]
    [InlineData("", "")]
    public void FormulaLikeFieldsBecomeText(string value, string expected) => Assert.Equal(expected, CsvFile.DefuseFormula(value));

    [Fact]
    public void CentreRegisterCsvIsWrittenAsBefore()
    {
        using var writer = new StringWriter();
        CsvFile.WriteRecord(writer, ["=x", "a,b"]);
        Assert.Equal("=x,\"a,b\"\r\n", writer.ToString());
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData(',')]
    public async Task AFileNameWithSeparatorsAndFormulasRunsNoFormulaWhateverSeparatorTheSpreadsheetReadsWith(char separator)
    {
        const string hostile = "report;=2+5;@SUM(1+1).docx";
        await using var pipeline = await TestPipeline.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(now, ExportScenario.Year), [ExportScenario.Rio]);
        await ExportScenario.UploadAsync(pipeline.Services, ExportScenario.Rio, ExportScenario.Sample("korea-2021.docx"), now.AddHours(-1), late: false, hostile);
        var exports = pipeline.Get<CampaignExports>();
        using var file = new MemoryStream();

        await exports.WriteAsync((await exports.LoadAsync(ExportScenario.Year, CancellationToken.None))!, CampaignExportKind.Table, file, CancellationToken.None);

        var text = Encoding.UTF8.GetString(file.ToArray()).TrimStart('\uFEFF');
        var cells = CsvFile.ReadRecords(new StringReader(text), separator).SelectMany(r => r.Fields).ToList();
        Assert.NotEmpty(cells);
        // A spreadsheet skips the quotes and spaces it finds at a cell's start before it decides whether it is a formula.
        Assert.All(cells, cell => Assert.False(cell.TrimStart('"', ' ') is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..], $"'{cell}' runs as a formula"));
        if (separator == ',')
        {
            var row = CsvFile.ReadRecords(new StringReader(text)).ElementAt(1).Fields;
            Assert.Equal("report;'=2+5;'@SUM(1+1).docx", row[CampaignTableCsv.Columns.ToList().IndexOf("file_name")]);
        }
    }

    [Fact]
    public async Task TableHasOneEscapedDefusedRowPerActiveCentreWithItsState()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await ExportScenario.SeedAsync(pipeline.Services);
        var exports = pipeline.Get<CampaignExports>();
        using var file = new MemoryStream();

        await exports.WriteAsync((await exports.LoadAsync(ExportScenario.Year, CancellationToken.None))!, CampaignExportKind.Table, file, CancellationToken.None);

        var bytes = file.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal).Replace("PAC,\nNational", "", StringComparison.Ordinal));
        var records = CsvFile.ReadRecords(new StringReader(text)).Select(r => r.Fields).ToList();
        Assert.Equal(CampaignTableCsv.Columns, records[0]);
        var rows = records.Skip(1).ToDictionary(r => r[0], StringComparer.Ordinal);
        Assert.Equal(ExportScenario.Active.Select(c => c.Id).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, r => Assert.Equal(CampaignTableCsv.Columns.Count, r.Count));

        string Field(Centre centre, string column) => rows[centre.Id][CampaignTableCsv.Columns.ToList().IndexOf(column)];
        Assert.Equal("Seoul, \"Korea\" PAC Centre", Field(ExportScenario.Seoul, "centre_name"));
        Assert.Equal("'-Beijing PAC,\nNational Library", Field(ExportScenario.Beijing, "centre_name"));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\") Oceania", Field(ExportScenario.Melbourne, "centre_name"));
        Assert.Equal(
            [("on time", "1"), ("late", "2"), ("on time", "1"), ("unreadable", "1"), ("not yet", "0")],
            ExportScenario.Active.Select(c => (Field(c, "status"), Field(c, "versions"))));
        Assert.Equal("", Field(ExportScenario.Pretoria, "last_upload_utc"));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", Field(ExportScenario.Seoul, "last_upload_utc"));
        Assert.Equal(string.Join(";", FormSections.All), Field(ExportScenario.Seoul, "questions_answered"));
        Assert.Equal("centre;international-cooperation;local-cooperation;workshops;ifla-initiatives;suggestions;standards",
            Field(ExportScenario.Beijing, "questions_answered"));
        Assert.Equal("0", Field(ExportScenario.Pretoria, "reminders_sent"));
    }
}
