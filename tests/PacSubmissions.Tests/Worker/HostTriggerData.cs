using System.Text.Json;
using Azure.Storage.Queues.Models;
using Google.Protobuf;
using PacSubmissions.FunctionsRpc;
using PacSubmissions.Storage;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The trigger data the Functions host's extensions send a dotnet-isolated worker: for SDK types (BlobClient,
/// QueueMessage) a ModelBindingData the worker's converter turns into a client, for the timer its TimerInfo as JSON.
/// The shapes are the ones the worker's converters read (BlobStorageConverter, QueueMessageConverter, TimerInfo).
/// </summary>
internal static class HostTriggerData
{
    private const string JsonContentType = "application/json";

    public static TypedData Blob(string container, string blobName) => Model("AzureStorageBlobs", new
    {
        Connection = StorageConnection.Name,
        ContainerName = container,
        BlobName = blobName,
    });

    /// <summary>The blob trigger's binding data: the path's <c>{name}</c> and the full blob path.</summary>
    public static Dictionary<string, TypedData> BlobMetadata(string container, string blobName) => new(StringComparer.Ordinal)
    {
        ["name"] = new TypedData { String = blobName },
        ["BlobTrigger"] = new TypedData { String = $"{container}/{blobName}" },
    };

    /// <summary>A message as the host's queue listener received it (its text already base64-decoded, host.json's default).</summary>
    public static TypedData Queue(QueueMessage message) => Model("AzureStorageQueues", new
    {
        message.MessageId,
        message.PopReceipt,
        MessageText = message.Body.ToString(),
        message.DequeueCount,
        NextVisibleOn = message.NextVisibleOn?.UtcDateTime,
        InsertedOn = message.InsertedOn?.UtcDateTime,
        ExpiresOn = message.ExpiresOn?.UtcDateTime,
    });

    public static TypedData Timer(DateTimeOffset last, DateTimeOffset next) => new()
    {
        Json = JsonSerializer.Serialize(new
        {
            ScheduleStatus = new { Last = last, Next = next, LastUpdated = last },
            IsPastDue = false,
        }),
    };

    private static TypedData Model(string source, object content) => new()
    {
        ModelBindingData = new ModelBindingData
        {
            Version = "1.0",
            Source = source,
            ContentType = JsonContentType,
            Content = ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(content)),
        },
    };
}
