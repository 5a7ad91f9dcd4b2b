using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using PacSubmissions.Storage;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>
/// Delivers blob events to blob-triggered functions, as the Functions host does locally: it scans the container,
/// invokes the function for every blob (and every new version of one) it has no receipt for, retries a failing blob
/// up to host.json's <c>poisonBlobThreshold</c>, then posts it to the host's poison queue (<c>BlobPoisonQueue</c>). Receipts are blobs in
/// <c>azure-webjobs-hosts</c>, so a restarted host does not process a blob again.
/// </summary>
internal sealed partial class BlobTriggerListener(
    FunctionCatalog catalog,
    HostJson hostJson,
    IServiceProvider services,
    BlobServiceClient blobs,
    QueueServiceClient queues,
    IConfiguration configuration,
    IOptions<LocalHostOptions> options,
    IOptions<TriggerOptions> triggers,
    ILogger<BlobTriggerListener> logger) : BackgroundService
{
    public const string ReceiptsContainer = "azure-webjobs-hosts";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.DeliverBlobEvents
        ? Task.WhenAll(catalog.WithTrigger<BlobTriggerAttribute>().Select(f => ListenAsync(f.Function, f.Trigger, stoppingToken)))
        : Task.CompletedTask;

    private async Task ListenAsync(FunctionDescriptor function, BlobTriggerAttribute trigger, CancellationToken stoppingToken)
    {
        var path = SettingExpressions.Resolve(trigger.BlobPath, configuration);
        var separator = path.IndexOf('/', StringComparison.Ordinal);
        var container = blobs.GetBlobContainerClient(separator < 0 ? path : path[..separator]);
        var pattern = BlobPattern(separator < 0 ? "{name}" : path[(separator + 1)..]);
        var receipts = blobs.GetBlobContainerClient(ReceiptsContainer);
        var receiptPrefix = $"blobreceipts/localhost/{function.Name}/{container.Name}/";

        var done = new ConcurrentDictionary<string, ETag>(StringComparer.Ordinal);
        var failures = new ConcurrentDictionary<(string, ETag), int>();
        var ready = false;
        // Blobs without a receipt are due again at the next pass, after a storage outage too.
        await StoragePolling.RunAsync(container.Name, logger, async cancellationToken =>
        {
            if (!ready)
            {
                await receipts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await foreach (var receipt in receipts.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, receiptPrefix, cancellationToken: cancellationToken))
                {
                    if (receipt.Metadata.TryGetValue("etag", out var etag))
                    {
                        done[receipt.Name[receiptPrefix.Length..]] = new ETag(etag);
                    }
                }

                ready = true;
                LogListening(logger, function.Name, container.Name);
            }

            var due = new List<BlobItem>();
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (pattern.IsMatch(blob.Name) && (!done.TryGetValue(blob.Name, out var seen) || seen != blob.Properties.ETag))
                {
                    due.Add(blob);
                }
            }

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = hostJson.BlobParallelism, CancellationToken = cancellationToken },
                async (blob, ct) =>
                {
                    var etag = blob.Properties.ETag!.Value;
                    if (!await TryInvokeAsync(function, container.GetBlobClient(blob.Name), pattern.Match(blob.Name), ct))
                    {
                        var attempts = failures.AddOrUpdate((blob.Name, etag), 1, (_, n) => n + 1);
                        if (attempts < hostJson.PoisonBlobThreshold)
                        {
                            return; // tried again at the next scan
                        }

                        await PoisonAsync(function, container.Name, blob.Name, etag, attempts, ct);
                    }

                    failures.TryRemove((blob.Name, etag), out _);
                    await receipts.GetBlobClient(receiptPrefix + blob.Name).UploadAsync(BinaryData.Empty,
                        new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["etag"] = etag.ToString() } }, ct);
                    done[blob.Name] = etag;
                });
            return options.Value.BlobPollInterval;
        }, stoppingToken);
    }

    private async Task<bool> TryInvokeAsync(FunctionDescriptor function, BlobClient blob, Match match, CancellationToken cancellationToken)
    {
        try
        {
            await FunctionInvoker.InvokeAsync(function, services, parameter => Bind(parameter, function, blob, match, cancellationToken));
            return true;
        }
        catch (Exception exception) when (StorageFailures.IsUnavailable(exception, cancellationToken))
        {
            // Not the blob's fault: it must not count towards the poison threshold. The scan waits for storage.
            LogFailed(logger, exception, function.Name, blob.Name);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, function.Name, blob.Name);
            return false;
        }
    }

    private static object? Bind(ParameterInfo parameter, FunctionDescriptor function, BlobClient blob, Match match, CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter)
        {
            return parameter.ParameterType == typeof(BlobClient)
                ? blob
                : throw new NotSupportedException($"The local host binds blob triggers to BlobClient; {function.Name} asks for {parameter.ParameterType.Name}.");
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        return match.Groups[parameter.Name!] is { Success: true } group ? group.Value : null;
    }

    private async Task PoisonAsync(FunctionDescriptor function, string container, string blobName, ETag etag, int attempts, CancellationToken cancellationToken)
    {
        // The Functions host's webjobs-blobtrigger-poison, or the test's own (BlobPoisonQueue).
        var poisonQueue = triggers.Value.BlobPoisonQueue;
        var queue = queues.GetQueueClient(poisonQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var message = JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = $"Host.Functions.{function.Name}",
            BlobType = "BlockBlob",
            ContainerName = container,
            BlobName = blobName,
            ETag = etag.ToString(),
        });
        await queue.SendMessageAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(message)), cancellationToken);
        LogPoisoned(logger, function.Name, blobName, attempts, poisonQueue);
    }

    /// <summary>A path like <c>{name}</c> or <c>{year}/{name}</c> as a regex whose groups are the binding names.</summary>
    private static Regex BlobPattern(string blobPath) =>
        new("^" + Regex.Replace(Regex.Escape(blobPath).Replace(@"\{", "{", StringComparison.Ordinal), "{([A-Za-z_][A-Za-z0-9_]*)}", "(?<$1>.+)") + "$",
            RegexOptions.CultureInvariant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger {Function} is watching container {Container}")]
    private static partial void LogListening(ILogger logger, string function, string container);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed for blob {BlobName}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string blobName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed {Attempts} times for blob {BlobName}; it was sent to the poison queue {Queue}")]
    private static partial void LogPoisoned(ILogger logger, string function, string blobName, int attempts, string queue);
}
