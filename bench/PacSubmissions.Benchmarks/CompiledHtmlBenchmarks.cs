using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Exports;
using PacSubmissions.Html;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Benchmarks;

/// <summary>
/// What the compiled report's HTML costs for a campaign the size of the network several times over: 150 reporting
/// centres, each with the DOCX sample's real reading, rendered by <see cref="HtmlPages"/> the way the export writes it
/// (the renderer writes synchronously, so <see cref="AsyncWriteStream"/> holds the page until the flush), beside
/// writing the same answers' text alone.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
public class CompiledHtmlBenchmarks
{
    private const int Centres = 150;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private ServiceProvider services = null!;
    private HtmlPages pages = null!;
    private CompiledReport report = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection().AddLogging().AddPacSubmissions(new ConfigurationBuilder().Build()).BuildServiceProvider();
        pages = services.GetRequiredService<HtmlPages>();
        var reader = new ReportReader(Options.Create(new ReportReaderOptions()), TimeProvider.System, NullLogger<ReportReader>.Instance);
        using var sample = File.OpenRead(Path.Combine(ReportReaderBenchmarks.SamplesFolder(), "central-asia-2020.docx"));
        var reading = reader.ReadAsync(sample, CancellationToken.None).GetAwaiter().GetResult();
        var now = DateTimeOffset.UtcNow;
        var campaign = new Campaign(2030, now.AddDays(-30), now.AddDays(7), Campaign.AnywhereOnEarth, Campaign.DefaultGrace, now.AddDays(37));
        var answered = reading.Sections.Where(s => s.Answered).Select(s => s.Key).ToList();
        report = new CompiledReport(campaign, [.. Enumerable.Range(1, Centres).Select(i =>
        {
            var centre = new Centre($"xx-c{i:000}", $"PAC Centre {i}", "National Library", "Almaty", "Kazakhstan", "Coordinator", $"c{i}@pac.example", "en");
            var counting = new Submission(centre.Id, campaign.Year, $"s{i}", $"2030/{centre.Id}/s{i}.docx", "report.docx", sample.Length, "", now, false, now);
            return new CompiledCentre(new CentreOverview(centre, CentreReportState.OnTime, counting, 1, answered, 0, null), reading);
        })]);
        var bytes = new CountingStream();
        WriteAsync(bytes).GetAwaiter().GetResult();
        Console.WriteLine($"// Compiled HTML of {Centres} centres: {bytes.Count:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Description = "Compiled HTML through HtmlPages: 150 centres"), BenchmarkCategory("Compiled HTML")]
    public Task Page() => WriteAsync(Stream.Null);

    [Benchmark(Baseline = true, Description = "The same answers' text alone: 150 centres"), BenchmarkCategory("Compiled HTML")]
    public async Task TextAlone()
    {
        await using var writer = new StreamWriter(Stream.Null, Utf8);
        foreach (var (_, title, answers) in report.Questions())
        {
            await writer.WriteAsync(title);
            foreach (var (centre, answer) in answers)
            {
                await writer.WriteAsync(centre.Name);
                await writer.WriteAsync(answer);
            }
        }
    }

    private async Task WriteAsync(Stream output)
    {
        await using var writer = new StreamWriter(new AsyncWriteStream(output), Utf8);
        await pages.WriteAsync<CompiledReportPage>(writer, new Dictionary<string, object?> { [nameof(CompiledReportPage.Report)] = report }, CancellationToken.None);
    }

    /// <summary>Counts what is written, to say how large the page is.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Count;

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Count += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
