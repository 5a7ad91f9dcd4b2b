using System.IO.Compression;
using System.Xml;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Reports;
using UglyToad.PdfPig;

namespace PacSubmissions.Benchmarks;

/// <summary>
/// Reports read per second for the DOCX and PDF samples, beside the libraries' raw text extraction of the same files
/// (what the reader costs on top of OpenXml and PdfPig), and the memory a zip bomb costs the reader.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
public class ReportReaderBenchmarks
{
    private const string DocxSample = "central-asia-2020.docx";
    private const string PdfSample = "central-asia-2020.pdf";

    private readonly ReportReader reader = new(Options.Create(new ReportReaderOptions()), TimeProvider.System, NullLogger<ReportReader>.Instance);
    private byte[] docx = [];
    private byte[] pdf = [];
    private byte[] odt = [];
    private byte[] twoColumnPdf = [];
    private byte[] zipBomb = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = SamplesFolder();
        docx = File.ReadAllBytes(Path.Combine(samples, DocxSample));
        pdf = File.ReadAllBytes(Path.Combine(samples, PdfSample));
        zipBomb = ZipBomb(1024L * 1024 * 1024);
        twoColumnPdf = File.ReadAllBytes(Path.Combine(samples, "..", "..", "tests", "PacSubmissions.Tests", "Reports", "Documents", "pdf-two-columns.pdf"));
        odt = OdtSample.FromDocx(docx);
        // The ODT must be read as the same report, or its figure would measure something else.
        var fromDocx = ReadDocx().GetAwaiter().GetResult();
        var fromOdt = ReadOdt().GetAwaiter().GetResult();
        if (fromOdt.Status != fromDocx.Status || fromOdt.Sections.Count(s => s.Answered) != fromDocx.Sections.Count(s => s.Answered))
        {
            throw new InvalidOperationException($"The ODT made from {DocxSample} reads as {fromOdt.Status}, the DOCX as {fromDocx.Status}.");
        }
    }

    [Benchmark(Description = "Reader: DOCX sample"), BenchmarkCategory("DOCX")]
    public Task<ReportReading> ReadDocx() => reader.ReadAsync(new MemoryStream(docx, writable: false), CancellationToken.None);

    [Benchmark(Baseline = true, Description = "OpenXml Body.InnerText: DOCX sample"), BenchmarkCategory("DOCX")]
    public string RawDocxText()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [Benchmark(Description = "Reader: PDF sample"), BenchmarkCategory("PDF")]
    public Task<ReportReading> ReadPdf() => reader.ReadAsync(new MemoryStream(pdf, writable: false), CancellationToken.None);

    /// <summary>The layout analysis's harder page: LibreOffice's two-column export, 1.5 and double spaced paragraphs.</summary>
    [Benchmark(Description = "Reader: two-column PDF (LibreOffice)"), BenchmarkCategory("PDF")]
    public Task<ReportReading> ReadTwoColumnPdf() => reader.ReadAsync(new MemoryStream(twoColumnPdf, writable: false), CancellationToken.None);

    [Benchmark(Baseline = true, Description = "PdfPig page.Text: PDF sample"), BenchmarkCategory("PDF")]
    public int RawPdfText()
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Sum(page => page.Text.Length);
    }

    [Benchmark(Description = "Reader: ODT (the DOCX sample's text)"), BenchmarkCategory("ODT")]
    public Task<ReportReading> ReadOdt() => reader.ReadAsync(new MemoryStream(odt, writable: false), CancellationToken.None);

    [Benchmark(Baseline = true, Description = "XmlReader text of content.xml: same ODT"), BenchmarkCategory("ODT")]
    public int RawOdtText()
    {
        using var zip = new ZipArchive(new MemoryStream(odt, writable: false), ZipArchiveMode.Read);
        using var xml = XmlReader.Create(zip.GetEntry("content.xml")!.Open());
        var characters = 0;
        while (xml.Read())
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace)
            {
                characters += xml.Value.Length;
            }
        }

        return characters;
    }

    [Benchmark(Description = "Reader: 1 GB zip bomb"), BenchmarkCategory("Zip bomb")]
    public Task<ReportReading> ReadZipBomb() => reader.ReadAsync(new MemoryStream(zipBomb, writable: false), CancellationToken.None);

    private static byte[] ZipBomb(long expandedBytes)
    {
        using var memory = new MemoryStream();
        PacSubmissions.Bench.ZipBomb.Write(memory, expandedBytes);
        return memory.ToArray();
    }

    /// <summary>The repository's samples/reports, or PAC_SAMPLES.</summary>
    internal static string SamplesFolder()
    {
        if (Environment.GetEnvironmentVariable("PAC_SAMPLES") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PacSubmissions.sln")))
            {
                return Path.Combine(directory.FullName, "samples", "reports");
            }
        }

        throw new DirectoryNotFoundException("Cannot find the samples: run from the repository or set PAC_SAMPLES.");
    }
}
