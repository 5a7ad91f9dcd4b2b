using System.Reflection;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using PacSubmissions.Storage;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>
/// Delivers queue messages to queue-triggered functions, as the Functions host does: it polls the queue, decodes the
/// message as host.json's <c>queues.messageEncoding</c> says (base64 by default), binds it to what the function asks for
/// (string, <see cref="QueueMessage"/>, <see cref="BinaryData"/> or a JSON type), deletes it when the function returns,
/// makes it visible again when it throws, and after <c>queues.maxDequeueCount</c> tries moves it to
/// <c>&lt;queue&gt;-poison</c>. A message that cannot be decoded goes there at once.
/// </summary>
internal sealed partial class QueueTriggerListener(
    FunctionCatalog catalog,
    HostJson hostJson,
    IServiceProvider services,
    QueueServiceClient queues,
    IConfiguration configuration,
    IOptions<LocalHostOptions> options,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    public const string PoisonSuffix = "-poison";

    /// <summary>How long a received message stays hidden from other receivers while the function runs.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.DeliverQueueMessages
        ? Task.WhenAll(catalog.WithTrigger<QueueTriggerAttribute>().Select(f => ListenAsync(f.Function, f.Trigger, stoppingToken)))
        : Task.CompletedTask;

    private async Task ListenAsync(FunctionDescriptor function, QueueTriggerAttribute trigger, CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(SettingExpressions.Resolve(trigger.QueueName, configuration));
        var poison = queues.GetQueueClient(queue.Name + PoisonSuffix);
        LogListening(logger, function.Name, queue.Name);
        await StoragePolling.RunAsync(queue.Name, logger, async cancellationToken =>
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var messages = (await queue.ReceiveMessagesAsync(hostJson.QueueBatchSize, Lease, cancellationToken)).Value;
            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = hostJson.QueueBatchSize, CancellationToken = cancellationToken },
                (message, ct) => new ValueTask(DeliverAsync(function, queue, poison, message, ct)));
            return messages.Length == 0 ? options.Value.QueuePollInterval : TimeSpan.Zero;
        }, stoppingToken);
    }

    private async Task DeliverAsync(FunctionDescriptor function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        if (Decode(message) is not { } body)
        {
            LogUndecodable(logger, message.MessageId, queue.Name, hostJson.QueueMessageEncoding);
            await MoveToPoisonAsync(queue, poison, message, cancellationToken);
            return;
        }

        var decoded = QueuesModelFactory.QueueMessage(message.MessageId, message.PopReceipt, body, message.DequeueCount,
            message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);
        try
        {
            await FunctionInvoker.InvokeAsync(function, services, parameter => Bind(parameter, function, decoded, cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, function.Name, message.MessageId, message.DequeueCount, hostJson.QueueMaxDequeueCount);
            if (message.DequeueCount >= hostJson.QueueMaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, cancellationToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: hostJson.QueueVisibilityTimeout,
                    cancellationToken: cancellationToken);
            }

            return;
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>Copies the message as it is on the wire to the poison queue, then deletes it: a copy first, so a crash between the two loses nothing.</summary>
    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.MessageText, cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        LogPoisoned(logger, message.MessageId, queue.Name, poison.Name, message.DequeueCount);
    }

    private BinaryData? Decode(QueueMessage message)
    {
        if (hostJson.QueueMessageEncoding != HostJson.Base64)
        {
            return message.Body;
        }

        try
        {
            return BinaryData.FromBytes(Convert.FromBase64String(message.MessageText));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static object? Bind(ParameterInfo parameter, FunctionDescriptor function, QueueMessage message, CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter)
        {
            var type = parameter.ParameterType;
            return type == typeof(QueueMessage) ? message
                : type == typeof(string) ? message.Body.ToString()
                : type == typeof(BinaryData) ? message.Body
                : type == typeof(byte[]) ? message.Body.ToArray()
                : JsonSerializer.Deserialize(message.Body, type, JsonSerializerOptions.Web);
        }

        return parameter.ParameterType == typeof(CancellationToken) ? cancellationToken : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue trigger {Function} is watching queue {Queue}")]
    private static partial void LogListening(ILogger logger, string function, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed for message {MessageId} (try {DequeueCount} of {MaxDequeueCount})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {Queue} is not {Encoding}-encoded; it was not delivered")]
    private static partial void LogUndecodable(ILogger logger, string messageId, string queue, string encoding);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} was moved from {Queue} to the poison queue {PoisonQueue} after {DequeueCount} tries")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount);
}
