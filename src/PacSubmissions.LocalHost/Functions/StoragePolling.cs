using Azure;
using PacSubmissions.Storage;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>
/// The one polling loop of the local host's listeners: a pass, then the wait it asks for, until the host stops. Storage
/// that is unreachable (Azurite restarting; the SDK then throws an AggregateException of its tries) or refusing does not
/// end the listener: it is logged and the pass is tried again, as the Functions host keeps polling.
/// </summary>
internal static partial class StoragePolling
{
    private static readonly TimeSpan StorageRetryDelay = TimeSpan.FromSeconds(2);

    /// <param name="source">What is polled (a container, a queue), for the log.</param>
    /// <param name="pass">One scan; returns how long to wait before the next.</param>
    public static async Task RunAsync(string source, ILogger logger, Func<CancellationToken, Task<TimeSpan>> pass, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = await pass(stoppingToken);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is RequestFailedException || StorageFailures.IsUnavailable(exception, stoppingToken))
            {
                LogStorageUnavailable(logger, exception, source);
                try
                {
                    await Task.Delay(StorageRetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage did not answer while polling {Source}; trying again")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string source);
}
