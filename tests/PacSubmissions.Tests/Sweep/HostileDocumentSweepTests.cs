using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;
using PacSubmissions.Upload;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// The report reader's hostile documents, uploaded over HTTP. What the upload can tell by content is not a report gets
/// 415, a file cut short 400, and nothing is stored; the rest is taken (202), and once processed its row carries the reader's problem code.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileDocumentSweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    public static TheoryData<string> RefusedByContent => ["program", "Word 97 document", "password-protected Word document"];

    public static TheoryData<string, string> ReadWithAProblem => new()
    {
        { "password-protected PDF", ProblemCodes.Encrypted },
        { "password-protected ODT", ProblemCodes.Encrypted },
        { "macro-enabled document", ProblemCodes.MacroEnabled },
        { "zip bomb", ProblemCodes.SuspiciousArchive },
        { "zip bomb understating its size", ProblemCodes.Corrupt },
        { "archive with thousands of entries", ProblemCodes.SuspiciousArchive },
        { "Word entity expansion", ProblemCodes.SuspiciousArchive },
        { "ODT entity expansion", ProblemCodes.SuspiciousArchive },
        { "PDF without a text layer", ProblemCodes.NoText },
        { "garbled Word part", ProblemCodes.Corrupt },
    };

    /// <summary>Files cut short: their end (a PDF's trailer, a ZIP's directory) is missing, which the upload sees itself.</summary>
    public static TheoryData<string> CutShort => ["truncated Word document", "truncated PDF"];

    [Theory]
    [MemberData(nameof(RefusedByContent))]
    public async Task DocumentThatIsNoReportByContentGets415AndIsNotStored(string kind)
    {
        using var response = await sweep.Site.PostFileAsync(Document(kind), "report.docx");

        await SweepRequests.AssertProblemAsync(response, 415, ReportFormat.AcceptedList);
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    [Theory]
    [MemberData(nameof(CutShort))]
    public async Task DocumentCutShortGets400AndIsNotStored(string kind)
    {
        using var response = await sweep.Site.PostFileAsync(Document(kind));

        await SweepRequests.AssertProblemAsync(response, 400, "The file is incomplete");
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    [Theory]
    [MemberData(nameof(ReadWithAProblem))]
    public async Task HostileReportIsTakenAndItsCheckCarriesTheReadersProblem(string kind, string code)
    {
        var site = sweep.Site;

        // Named as its content is (report.pdf, report.odt, report.docx), as a coordinator's file would be.
        using var response = await site.PostFileAsync(Document(kind));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.NotNull(accepted);
        sweep.Remember(accepted.SubmissionId);
        var row = await Eventually.Until(
            () => site.Server.Get<SubmissionStore>().FindAsync(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId, CancellationToken.None),
            r => r?.Check is not null, TimeSpan.FromSeconds(60));
        Assert.NotNull(row?.Check);
        Assert.Equal(ReportStatus.Unreadable, row.Check.Status);
        Assert.Contains(code, row.Check.Problems.Select(p => p.Code));
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    private static byte[] Document(string kind)
    {
        var docx = Docx([.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]);
        var pdf = Pdf(FormText.English.Pairs.SelectMany(p => new[] { new PdfLine(p.Question.Split(" (")[0], Bold: true, Gap: 10), new PdfLine(p.Answer) }));
        return kind switch
        {
            "program" => Program(),
            "Word 97 document" => CompoundFile("Root Entry", "WordDocument", "1Table", "\u0005SummaryInformation"),
            "password-protected Word document" => CompoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"),
            "password-protected PDF" => EncryptedPdf(),
            "password-protected ODT" => Odt(OdtPlain("scrambled"), encrypted: true),
            "macro-enabled document" => Docx(WordprocessingDocumentType.MacroEnabledDocument,
                [.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]),
            "zip bomb" => ZipBomb(48L * 1024 * 1024),
            "zip bomb understating its size" => WithDeclaredSize(ZipBomb(200L * 1024 * 1024), "word/document.xml", declared: 1000),
            "archive with thousands of entries" => ManyEntriesZip(1500),
            "Word entity expansion" => BillionLaughsDocx(),
            "ODT entity expansion" => Odt(OdtPlain("&lol9;"), doctype: BillionLaughsDtd),
            "PDF without a text layer" => PdfWithoutText(),
            "truncated Word document" => docx[..(docx.Length / 2)],
            "truncated PDF" => pdf[..(pdf.Length * 2 / 3)],
            "garbled Word part" => DamagedDocx(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such document."),
        };
    }
}
