using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PacSubmissions.Reports.Isolation;

/// <summary>
/// The loop of the reader process (src/PacSubmissions.Reader): one document in, its reading out, until the worker
/// closes standard input. The worker watches this process's time and memory and kills it on a limit; this process
/// also ends itself when its worker is gone, so no reading outlives the process that asked for it.
/// </summary>
internal static class ReaderServer
{
    public const string ParentVariable = "PAC_READER_PARENT";

    /// <summary>The exit code of a reader process that ran out of its memory (EX_SOFTWARE would hide it among crashes).</summary>
    public const int OutOfMemoryExitCode = 75;

    public static async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken)
    {
        var options = Environment.GetEnvironmentVariable(ReaderProtocol.OptionsVariable) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<ReportReaderOptions>(json, ReaderProtocol.Json) ?? new ReportReaderOptions()
            : new ReportReaderOptions();
        // Standard output carries the answers, so every log line goes to standard error, where the worker logs it.
        using var loggers = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var reader = new ReportReader(Options.Create(options), TimeProvider.System, loggers.CreateLogger<ReportReader>());
        using var orphaned = WatchParent(cancellationToken);
        while (await ReaderProtocol.ReadFormVersionAsync(input, orphaned.Token) is { } version)
        {
            var form = PacSubmissions.Forms.FormDefinitions.Find(version)
                ?? throw new InvalidDataException($"The worker asked for form {version}, which this reader does not ship.");
            var document = new DocumentRequestStream(input, await ReaderProtocol.ReadLengthAsync(input, orphaned.Token)
                ?? throw new EndOfStreamException("The worker closed the pipe before the document."));
            ReportReading reading;
            try
            {
                reading = await reader.ReadAsync(document, form, orphaned.Token);
            }
            catch (OutOfMemoryException)
            {
                // The GC's hard limit was reached: say so by the exit code, which the worker reads as "over the memory limit".
                Environment.Exit(OutOfMemoryExitCode);
                throw;
            }

            await document.DrainAsync(orphaned.Token);
            await ReaderProtocol.WriteAnswerAsync(output, reading, orphaned.Token);
        }

        return 0;
    }

    /// <summary>
    /// Ends this process when the worker that started it has gone (killed outright, its pipes not yet closed), checked
    /// every second; a parse in progress does not look at a token, so this exits rather than cancels.
    /// </summary>
    private static CancellationTokenSource WatchParent(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!int.TryParse(Environment.GetEnvironmentVariable(ParentVariable), out var parentId))
        {
            return source;
        }

        var watcher = new Thread(() =>
        {
            while (!source.IsCancellationRequested)
            {
                if (!IsRunning(parentId))
                {
                    Environment.Exit(3);
                }

                Thread.Sleep(1000);
            }
        })
        { IsBackground = true, Name = "parent watch" };
        watcher.Start();
        return source;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
