using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PacSubmissions.Storage;

namespace PacSubmissions.Functions;

internal static partial class WorkerStartup
{
    /// <summary>
    /// Creates the container and tables (the storage initializer would, too late: after the worker has connected to the
    /// host). When storage cannot be reached even after the SDK's retries, says so and returns false, so the process
    /// ends before it takes any work and the Functions host starts it again.
    /// </summary>
    public static async Task<bool> StorageIsReachableAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<PacStorage>();
        try
        {
            await storage.EnsureCreatedAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (StorageFailures.IsUnavailable(exception, cancellationToken))
        {
            // Not the app's own loggers: they reach the host over the connection this worker has not opened. The host
            // records what a worker writes to its standard error, and so does a terminal.
            using var console = LoggerFactory.Create(logging => logging.AddSimpleConsole(options => options.SingleLine = true)
                .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
            var logger = console.CreateLogger(typeof(WorkerStartup));
            LogStorageUnreachable(logger, exception, StorageConnection.Name, storage.Reports.Uri);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Storage cannot be reached through {Setting} (tried {Endpoint}): the worker stops before it takes any work; the Functions host will start it again")]
    private static partial void LogStorageUnreachable(ILogger logger, Exception exception, string setting, Uri endpoint);
}
