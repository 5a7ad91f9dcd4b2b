using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Reports;
using PacSubmissions.Reports.Isolation;
using PacSubmissions.Tests.Infrastructure;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports.Isolation;

/// <summary>Runs alone, so the CPU time this process spends while it waits is its own and not another test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneOnTheMachine
{
    public const string Name = "isolated reader";
}

/// <summary>Reports read in reader processes apart from this one: a file that breaks the reader breaks only its process.</summary>
[Collection(AloneOnTheMachine.Name)]
[Trait("Category", "Slow")]
public sealed class IsolatedReaderTests(ITestOutputHelper output)
{
    /// <summary>Short limits, so a file that would run for ever costs the test seconds; the same limits a deployment sets longer.</summary>
    internal static IsolatedReportReader Reader(TimeSpan? timeout = null, int processes = 2) =>
        new(Options.Create(new ReportReaderOptions { Timeout = timeout ?? TimeSpan.FromSeconds(5) }),
            Options.Create(new ReaderProcessOptions { Processes = processes, MaxCpuTime = TimeSpan.FromSeconds(5) }),
            TimeProvider.System, NullLogger<IsolatedReportReader>.Instance);

    [Fact]
    public async Task EveryCrashShapeGetsAnAnswerAndNothingKeepsWorkingAfterIt()
    {
        var readings = new List<(string Name, ReportReading Reading)>();
        await using (var reader = Reader())
        {
            foreach (var (name, bytes) in CrashShapes.All())
            {
                readings.Add((name, await reader.ReadAsync(new MemoryStream(bytes, writable: false), CancellationToken.None)));
            }

            // Warm readers may stay for the next report, but none of them may still be working on an old one. The
            // successor of the last retired reader is given the time to finish its own start first.
            await Task.Delay(TimeSpan.FromSeconds(3));
            // A parse still running would burn a whole core, 2 s of CPU in 2 s; the margins leave room for a loaded machine.
            var (ownCpu, readersCpu) = await CpuSpentOverAsync(TimeSpan.FromSeconds(2));
            Assert.True(ownCpu < TimeSpan.FromMilliseconds(1000), $"The test process used {ownCpu.TotalMilliseconds:0} ms of CPU in 2 s of waiting.");
            Assert.True(readersCpu < TimeSpan.FromMilliseconds(500), $"Reader processes used {readersCpu.TotalMilliseconds:0} ms of CPU in 2 s after their answers.");
        }

        foreach (var (name, reading) in readings)
        {
            output.WriteLine($"{name}: {reading.Status} {string.Join(", ", reading.Problems.Select(p => p.Code))}");
            Assert.True(reading.Bytes > 0, $"{name} got no answer of its own.");
            if (reading.Status == ReportStatus.Unreadable)
            {
                var problem = Assert.Single(reading.Problems);
                Assert.Contains(problem.Code, new[] { ProblemCodes.Corrupt, ProblemCodes.TooLarge, ProblemCodes.SuspiciousArchive, ProblemCodes.NoText });
                Assert.False(string.IsNullOrWhiteSpace(problem.Message), name);
            }
        }

        // The ones that broke the reader's process before: each of them is an unreadable file now, not a dead worker.
        Assert.All(readings.Where(r => r.Name != "self-drawing-form.pdf"), r => Assert.Equal(ReportStatus.Unreadable, r.Reading.Status));
        Assert.Empty(ReaderChildren());
    }

    [Fact]
    public async Task AReportAfterACrashIsReadNormally()
    {
        var good = Docx([.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]);
        await using var reader = Reader(processes: 1);

        var broken = await reader.ReadAsync(new MemoryStream(CrashShapes.DeeplyNestedDocx()), CancellationToken.None);
        var after = await reader.ReadAsync(new MemoryStream(good), CancellationToken.None);

        Assert.Equal(ReportStatus.Unreadable, broken.Status);
        Assert.Equal(ReportStatus.Valid, after.Status);
        // The whole reading comes through the process boundary: every field as the in-process reader gives it.
        Assert.Equal(JsonSerializer.Serialize(await ReadAsync(good)), JsonSerializer.Serialize(after));
    }

    [Fact]
    public async Task OneWarmReaderReadsReportAfterReportAndIsReplacedAfterAFileItCouldNotRead()
    {
        var good = Docx([.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]);
        await using var reader = Reader(processes: 1);

        await reader.ReadAsync(new MemoryStream(good), CancellationToken.None);
        var first = Assert.Single(ReaderChildren()).Id;
        await reader.ReadAsync(new MemoryStream(good), CancellationToken.None);
        var second = Assert.Single(ReaderChildren()).Id;
        await reader.ReadAsync(new MemoryStream(Program()), CancellationToken.None);
        var afterUnreadable = Assert.Single(ReaderChildren()).Id;

        Assert.Equal(first, second);
        Assert.NotEqual(second, afterUnreadable);
    }

    [Fact]
    public async Task AFileThatNeverEndsIsStoppedAtTheTimeLimitAndItsProcessKilled()
    {
        await using var reader = Reader(timeout: TimeSpan.FromSeconds(1), processes: 1);
        var started = Stopwatch.StartNew();
        // The reader processes seen while the file is being read: the one stuck on it is among them.
        var seenWhileReading = new HashSet<int>();
        var readingTask = reader.ReadAsync(new MemoryStream(CrashShapes.NestedContentControlsDocx()), CancellationToken.None);
        while (!readingTask.IsCompleted)
        {
            seenWhileReading.UnionWith(ReaderChildren().Select(c => c.Id));
            await Task.WhenAny(readingTask, Task.Delay(100));
        }

        var reading = await readingTask;

        Assert.Equal(ReportStatus.Unreadable, reading.Status);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"The answer took {started.Elapsed}.");
        Assert.NotEmpty(seenWhileReading);
        // Every process that was reading it is gone (killed), whatever its successor does while it starts up.
        var stillThere = await Eventually.Until(
            () => Task.FromResult(ReaderChildren().Select(c => c.Id).Where(seenWhileReading.Contains).ToList()),
            ids => ids.Count == 0, TimeSpan.FromSeconds(5));
        Assert.Empty(stillThere);
    }

    [Fact]
    public async Task AFileThatNeedsMoreMemoryThanTheLimitIsTooLargeAndTheNextReportIsRead()
    {
        // 20 MB of Word paragraphs: under the part limit, but the document model of it needs several times that.
        var paragraph = "<w:p><w:r><w:t>" + string.Join(' ', Enumerable.Repeat("activity", 40)) + "</w:t></w:r></w:p>";
        var big = CrashShapes.MinimalDocx(new System.Text.StringBuilder().Insert(0, paragraph, 20 * 1024 * 1024 / paragraph.Length).ToString());
        var good = Docx([.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]);
        await using var reader = new IsolatedReportReader(Options.Create(new ReportReaderOptions()),
            Options.Create(new ReaderProcessOptions { Processes = 1, MaxMemoryBytes = 128L * 1024 * 1024 }), TimeProvider.System, NullLogger<IsolatedReportReader>.Instance);

        var reading = await reader.ReadAsync(new MemoryStream(big), CancellationToken.None);
        var next = await reader.ReadAsync(new MemoryStream(good), CancellationToken.None);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal(ProblemCodes.TooLarge, problem.Code);
        Assert.Contains("128 MB of memory", problem.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Valid, next.Status);
    }

    /// <summary>This process's CPU time, and its reader children's, over a wait in which none of them should work.</summary>
    private static async Task<(TimeSpan Own, TimeSpan Readers)> CpuSpentOverAsync(TimeSpan wait)
    {
        using var self = Process.GetCurrentProcess();
        var ownBefore = self.TotalProcessorTime;
        var readersBefore = ReaderChildren().Sum(c => c.Cpu.Ticks);
        await Task.Delay(wait);
        self.Refresh();
        var readersAfter = ReaderChildren().Sum(c => c.Cpu.Ticks);
        return (self.TotalProcessorTime - ownBefore, TimeSpan.FromTicks(Math.Max(0, readersAfter - readersBefore)));
    }

    /// <summary>This process's reader children (Linux /proc): their ids and CPU time so far.</summary>
    internal static List<(int Id, TimeSpan Cpu)> ReaderChildren()
    {
        var children = new List<(int, TimeSpan)>();
        var ticksPerSecond = 100.0; // USER_HZ on Linux
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (parent != Environment.ProcessId || fields[0] == "Z"
                    || !File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(ReaderLaunch.ReaderFileName, StringComparison.Ordinal))
                {
                    continue;
                }

                var jiffies = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                children.Add((id, TimeSpan.FromSeconds(jiffies / ticksPerSecond)));
            }
            catch (IOException)
            {
                // It exited while we looked.
            }
        }

        return children;
    }
}
