using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Reports;
using PacSubmissions.Reports.Isolation;

namespace PacSubmissions.Benchmarks;

/// <summary>
/// What reading apart costs: one report read in this process, through a warm reader process (the pool's usual case),
/// and through a reader process started for it and stopped after it (the first report after a start or a crash).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
public class IsolatedReaderBenchmarks
{
    private readonly ReportReader inProcess = new(Options.Create(new ReportReaderOptions()), TimeProvider.System, NullLogger<ReportReader>.Instance);
    private IsolatedReportReader warm = null!;
    private byte[] docx = [];
    private byte[] pdf = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = ReportReaderBenchmarks.SamplesFolder();
        docx = File.ReadAllBytes(Path.Combine(samples, "central-asia-2020.docx"));
        pdf = File.ReadAllBytes(Path.Combine(samples, "central-asia-2020.pdf"));
        warm = NewReader();
        // The pool's process is started and has read both formats once, as it has after the first reports of a day.
        foreach (var bytes in new[] { docx, pdf })
        {
            var reading = warm.ReadAsync(new MemoryStream(bytes), CancellationToken.None).GetAwaiter().GetResult();
            if (reading.Status != ReportStatus.Valid)
            {
                throw new InvalidOperationException($"The sample read apart as {reading.Status}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => warm.Dispose();

    [Benchmark(Baseline = true, Description = "In-process: DOCX sample"), BenchmarkCategory("DOCX")]
    public Task<ReportReading> InProcessDocx() => inProcess.ReadAsync(new MemoryStream(docx, writable: false), CancellationToken.None);

    [Benchmark(Description = "Warm reader process: DOCX sample"), BenchmarkCategory("DOCX")]
    public Task<ReportReading> WarmDocx() => warm.ReadAsync(new MemoryStream(docx, writable: false), CancellationToken.None);

    [Benchmark(Description = "Cold reader process (start, read, stop): DOCX sample"), BenchmarkCategory("DOCX")]
    public async Task<ReportReading> ColdDocx()
    {
        await using var cold = NewReader();
        return await cold.ReadAsync(new MemoryStream(docx, writable: false), CancellationToken.None);
    }

    [Benchmark(Baseline = true, Description = "In-process: PDF sample"), BenchmarkCategory("PDF")]
    public Task<ReportReading> InProcessPdf() => inProcess.ReadAsync(new MemoryStream(pdf, writable: false), CancellationToken.None);

    [Benchmark(Description = "Warm reader process: PDF sample"), BenchmarkCategory("PDF")]
    public Task<ReportReading> WarmPdf() => warm.ReadAsync(new MemoryStream(pdf, writable: false), CancellationToken.None);

    private static IsolatedReportReader NewReader() =>
        new(Options.Create(new ReportReaderOptions()), Options.Create(new ReaderProcessOptions { Processes = 1, DocumentsPerProcess = 100_000 }),
            TimeProvider.System, NullLogger<IsolatedReportReader>.Instance);
}
