using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PacSubmissions.Reports.Isolation;

/// <summary>
/// Reads reports in reader processes apart from this one (the processor, the local host and <c>pac extract</c> all read
/// through it), so a file that overflows the stack, loops or eats memory ends a reader, never the worker. A small pool
/// of warm processes is reused across documents; one is replaced after it died, was killed, answered "unreadable"
/// (its parse may still be running) or read <see cref="ReaderProcessOptions.DocumentsPerProcess"/> documents.
/// </summary>
public sealed partial class IsolatedReportReader : IAsyncDisposable, IDisposable
{
    private readonly ReportReaderOptions limits;
    private readonly ReaderProcessOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<IsolatedReportReader> logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<ReaderProcess> idle = [];
    private readonly Lazy<ReaderLaunch> launch = new(ReaderLaunch.Find);
    private bool disposed;

    public IsolatedReportReader(IOptions<ReportReaderOptions> limits, IOptions<ReaderProcessOptions> options, TimeProvider time, ILogger<IsolatedReportReader> logger)
    {
        this.limits = limits.Value;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        slots = new SemaphoreSlim(this.options.Processes, this.options.Processes);
    }

    /// <summary>Reads one report against the current form, as <see cref="ReportReader.ReadAsync(Stream, CancellationToken)"/> does.</summary>
    public Task<ReportReading> ReadAsync(Stream content, CancellationToken cancellationToken) =>
        ReadAsync(content, PacSubmissions.Forms.FormDefinitions.Current, cancellationToken);

    /// <summary>
    /// Reads one report against a shipped form definition (the reader process finds it by its version); only
    /// cancellation and a failing <paramref name="content"/> escape.
    /// </summary>
    public async Task<ReportReading> ReadAsync(Stream content, PacSubmissions.Forms.FormDefinition form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(form);
        if (PacSubmissions.Forms.FormDefinitions.Find(form.Version) is null)
        {
            throw new ArgumentException($"Form {form.Version} is not shipped with the app, so a reader process cannot read against it.", nameof(form));
        }

        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken);
        ReaderProcess? process = null;
        try
        {
            process = TakeIdle() ?? ReaderProcess.Start(launch.Value, limits, options, time, logger);
            var outcome = await process.ReadAsync(content, form.Version, cancellationToken);
            if (outcome.Reading is { } reading)
            {
                if (reading.Status != ReportStatus.Unreadable && process.Documents < options.DocumentsPerProcess && process.Usable)
                {
                    idle.Add(process);
                    process = null;
                }

                return reading;
            }

            return Stopped(outcome);
        }
        finally
        {
            if (process is not null)
            {
                await process.DisposeAsync();
                Replace();
            }

            slots.Release();
        }
    }

    /// <summary>
    /// Starts the successor of a process just retired, so the next report finds one already started (its runtime
    /// start-up, most of a cold read, overlaps the wait for that report).
    /// </summary>
    private void Replace()
    {
        if (!disposed && idle.Count < options.Processes)
        {
            try
            {
                idle.Add(ReaderProcess.Start(launch.Value, limits, options, time, logger));
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
            {
                // The next report starts one itself, and says why if it cannot.
                LogReplaceFailed(logger, exception);
            }
        }
    }

    private ReaderProcess? TakeIdle()
    {
        while (idle.TryTake(out var process))
        {
            if (process.Usable)
            {
                return process;
            }

            _ = process.DisposeAsync().AsTask();
        }

        return null;
    }

    private ReportReading Stopped(ReaderOutcome outcome)
    {
        var (code, message) = outcome.Stop switch
        {
            ReaderStop.WallClock => (ProblemCodes.TooLarge,
                $"The file took longer than {(limits.Timeout + ReaderProcess.AnswerGrace).TotalSeconds:0} seconds to read, so reading was stopped. It may be very large or built to be slow to read."),
            ReaderStop.CpuTime => (ProblemCodes.TooLarge,
                $"Reading the file took more than {options.MaxCpuTime.TotalSeconds:0} seconds of processor time, so reading was stopped. It may be very large or built to be slow to read."),
            ReaderStop.Memory => (ProblemCodes.TooLarge,
                $"Reading the file needed more than {options.MaxMemoryBytes / (1024 * 1024)} MB of memory, so reading was stopped. Please reduce its pictures or save it again from the original document."),
            _ => (ProblemCodes.Corrupt,
                "The file made the document reader fail, so it cannot be read: it is damaged, or built to break document readers. Please save it again from the original document and upload it."),
        };
        LogStopped(logger, outcome.Sent.Format, outcome.Sent.Bytes, outcome.Stop, outcome.ExitCode);
        return ReportReader.UnreadableReading(outcome.Sent.Format, outcome.Sent.Bytes, outcome.Sent.Sha256, new ReportProblem(code, message));
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        while (idle.TryTake(out var process))
        {
            await process.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start a report reader process in advance")]
    private static partial void LogReplaceFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Format} report of {Bytes} bytes could not be read: its reader process stopped ({Stop}, exit code {ExitCode})")]
    private static partial void LogStopped(ILogger logger, string format, long bytes, ReaderStop stop, int? exitCode);
}
