using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PacSubmissions.Reports.Isolation;

/// <summary>Why a reader process was stopped before it answered.</summary>
internal enum ReaderStop
{
    None,
    WallClock,
    CpuTime,
    Memory,
    Died,
}

/// <summary>What the worker sent of one document: its size, its SHA-256 (empty when cut at the size limit) and its format by its first bytes.</summary>
internal sealed record SentDocument(long Bytes, string Sha256, string Format);

/// <summary>A reader process's answer to one document: its reading, or why there is none.</summary>
internal sealed record ReaderOutcome(ReportReading? Reading, ReaderStop Stop, SentDocument Sent, int? ExitCode);

/// <summary>
/// One reader process, reading one document at a time. While it reads, the worker watches its wall-clock time, its
/// CPU time and its resident memory, and kills it on a limit; a process that died or was killed is never used again.
/// </summary>
internal sealed partial class ReaderProcess : IAsyncDisposable
{
    /// <summary>How often a reading process's time and memory are looked at: often enough that a limit costs little over it.</summary>
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The reader answers "too slow" itself at the timeout; this is how much later it is killed if it cannot.</summary>
    internal static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(5);

    private const int ForwardedLines = 200;
    private const int KeptLines = 8;

    private readonly Process process;
    private readonly ReportReaderOptions limits;
    private readonly ReaderProcessOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentQueue<string> lastLines = new();
    private int forwarded;
    private bool broken;

    private ReaderProcess(Process process, ReportReaderOptions limits, ReaderProcessOptions options, TimeProvider time, ILogger logger)
    {
        this.process = process;
        this.limits = limits;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    public int Id => process.Id;

    public int Documents { get; private set; }

    public static ReaderProcess Start(ReaderLaunch launch, ReportReaderOptions limits, ReaderProcessOptions options, TimeProvider time, ILogger logger)
    {
        var start = new ProcessStartInfo(launch.Host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in launch.Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ReaderProtocol.OptionsVariable] = JsonSerializer.Serialize(limits, ReaderProtocol.Json);
        start.Environment[ReaderServer.ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // The GC's hard limit makes a runaway allocation an OutOfMemoryException in the child; the resident-memory watch
        // above it catches what the GC does not own (native buffers). Workstation GC: one small heap, not one per core.
        start.Environment["DOTNET_GCHeapHardLimit"] = (options.MaxMemoryBytes / 4 * 3).ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCHeapAffinitizeMask"] = null;
        // No debugger, profiler or diagnostics pipe is wanted in a process that reads strangers' files; no crash dump either.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the report reader ({launch.Host} {launch.ReaderPath}).");
        var reader = new ReaderProcess(child, limits, options, time, logger);
        child.ErrorDataReceived += (_, line) => reader.OnLogLine(line.Data);
        child.BeginErrorReadLine();
        LogStarted(logger, child.Id);
        return reader;
    }

    /// <summary>Whether the process can read another document.</summary>
    public bool Usable => !broken && !HasExited();

    public async Task<ReaderOutcome> ReadAsync(Stream content, string formVersion, CancellationToken cancellationToken)
    {
        broken = true; // until it answers: a document cut off in the middle leaves the pipe out of step
        Documents++;
        var started = time.GetTimestamp();
        var cpuAtStart = CpuTime();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answer = ReaderProtocol.ReadAnswerAsync(process.StandardOutput.BaseStream, stopping.Token);
        var send = SendAsync(content, formVersion, stopping.Token);
        try
        {
            while (!answer.IsCompleted)
            {
                await Task.WhenAny(answer, Task.Delay(WatchInterval, time, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (send.IsFaulted)
                {
                    // The document could not be read from where it is (storage failed): the caller's problem, not the file's.
                    Kill();
                    await send;
                }

                var stop = Exceeded(started, cpuAtStart);
                if (stop != ReaderStop.None)
                {
                    Kill();
                    LogStopped(logger, process.Id, stop);
                    return new ReaderOutcome(null, stop, await SentOrNothing(send), null);
                }
            }

            var reading = await AnswerOrNothing(answer);
            var sent = await send;
            if (reading is null)
            {
                var exitCode = await ExitCodeAsync();
                LogDied(logger, process.Id, exitCode, string.Join(" | ", lastLines));
                return new ReaderOutcome(null, exitCode == ReaderServer.OutOfMemoryExitCode ? ReaderStop.Memory : ReaderStop.Died, sent, exitCode);
            }

            broken = false;
            return new ReaderOutcome(reading, ReaderStop.None, sent, null);
        }
        catch
        {
            Kill();
            throw;
        }
    }

    private async Task<SentDocument> SendAsync(Stream content, string formVersion, CancellationToken cancellationToken)
    {
        // Let the watch loop start before the first (perhaps synchronous) read of the content.
        await Task.Yield();
        if (!await TryWriteAsync(process.StandardInput.BaseStream, System.Text.Encoding.UTF8.GetBytes(formVersion), cancellationToken))
        {
            return new SentDocument(0, "", ReportFormats.Unknown);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ReaderProtocol.ChunkBytes);
        var head = new byte[1024];
        var headLength = 0;
        long total = 0;
        var pipe = process.StandardInput.BaseStream;
        var pipeOpen = true;
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, ReaderProtocol.ChunkBytes), cancellationToken)) > 0)
            {
                var toHead = Math.Min(read, head.Length - headLength);
                buffer.AsSpan(0, toHead).CopyTo(head.AsSpan(headLength));
                headLength += toHead;
                hash.AppendData(buffer, 0, read);
                total += read;
                pipeOpen = await TryWriteAsync(pipe, buffer.AsMemory(0, read), cancellationToken);
                // Past the limit the reader answers "too large" without more; the rest is never read from storage.
                if (!pipeOpen || total > limits.MaxBytes)
                {
                    break;
                }
            }

            if (pipeOpen && await TryWriteAsync(pipe, ReadOnlyMemory<byte>.Empty, cancellationToken))
            {
                await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            using var sniffed = new MemoryStream(head, 0, headLength);
            var format = FormatSniffer.Sniff(sniffed) switch
            {
                ReportFormats.Zip => ReportFormats.Zip,
                ReportFormats.Pdf => ReportFormats.Pdf,
                ReportFormats.Ole => ReportFormats.Ole,
                _ => ReportFormats.Unknown,
            };
            var complete = pipeOpen && total <= limits.MaxBytes;
            return new SentDocument(total, complete ? Convert.ToHexStringLower(hash.GetHashAndReset()) : "", format);
        }
        catch (IOException) when (HasExited())
        {
            return new SentDocument(total, "", ReportFormats.Unknown);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes a chunk; false when the reader has gone (its end of the pipe closed).</summary>
    private static async Task<bool> TryWriteAsync(Stream pipe, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        try
        {
            await ReaderProtocol.WriteChunkAsync(pipe, chunk, cancellationToken);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private ReaderStop Exceeded(long started, TimeSpan cpuAtStart)
    {
        try
        {
            process.Refresh();
            if (process.HasExited)
            {
                return ReaderStop.None; // its answer, or the end of its output, is on the way
            }

            if (time.GetElapsedTime(started) > limits.Timeout + AnswerGrace)
            {
                return ReaderStop.WallClock;
            }

            if (process.TotalProcessorTime - cpuAtStart > options.MaxCpuTime)
            {
                return ReaderStop.CpuTime;
            }

            return process.WorkingSet64 > options.MaxMemoryBytes ? ReaderStop.Memory : ReaderStop.None;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited between HasExited and reading its figures (/proc is gone): its answer, or the end of its output, is on the way.
            return ReaderStop.None;
        }
    }

    private TimeSpan CpuTime()
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.Zero;
        }
    }

    private static async Task<ReportReading?> AnswerOrNothing(Task<ReportReading?> answer)
    {
        try
        {
            return await answer;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or JsonException)
        {
            return null;
        }
    }

    private static async Task<SentDocument> SentOrNothing(Task<SentDocument> send)
    {
        try
        {
            return await send;
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            return new SentDocument(0, "", ReportFormats.Unknown);
        }
    }

    private async Task<int?> ExitCodeAsync()
    {
        using var wait = new CancellationTokenSource(AnswerGrace, time);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return null;
        }
    }

    private void OnLogLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lastLines.Enqueue(line);
        while (lastLines.Count > KeptLines && lastLines.TryDequeue(out _))
        {
        }

        if (Interlocked.Increment(ref forwarded) <= ForwardedLines)
        {
            LogChildLine(logger, process.Id, line);
        }
    }

    private bool HasExited()
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void Kill()
    {
        broken = true;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It had already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using var wait = new CancellationTokenSource(AnswerGrace, time);
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but not yet reaped; the runtime reaps it when it exits.
        }

        process.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Started report reader process {ProcessId}")]
    private static partial void LogStarted(ILogger logger, int processId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report reader process {ProcessId} was killed: it went over its {Limit} limit")]
    private static partial void LogStopped(ILogger logger, int processId, ReaderStop limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report reader process {ProcessId} died while reading (exit code {ExitCode}); its last words: {LastLines}")]
    private static partial void LogDied(ILogger logger, int processId, int? exitCode, string lastLines);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report reader {ProcessId}: {Line}")]
    private static partial void LogChildLine(ILogger logger, int processId, string line);
}
