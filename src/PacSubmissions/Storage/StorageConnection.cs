using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PacSubmissions.Storage;

/// <summary>
/// The one storage connection the whole system uses: the Functions host's own (<c>AzureWebJobsStorage</c>).
/// Either a connection string (Azurite, or a key-based account) or, in Azure, an identity-based connection
/// (<c>AzureWebJobsStorage__accountName</c>, <c>__credential</c>, <c>__clientId</c>), as the Functions host reads it.
/// </summary>
public static class StorageConnection
{
    public const string Name = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration)
    {
        var options = WithTimeout(new BlobClientOptions(), configuration);
        return Create(configuration,
            connectionString => new BlobServiceClient(connectionString, options),
            (account, credential) => new BlobServiceClient(ServiceUri(account, "blob"), credential, options));
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration)
    {
        var options = WithTimeout(new TableClientOptions(), configuration);
        return Create(configuration,
            connectionString => new TableServiceClient(connectionString, options),
            (account, credential) => new TableServiceClient(ServiceUri(account, "table"), credential, options));
    }

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration)
    {
        var options = WithTimeout(new QueueClientOptions(), configuration);
        return Create(configuration,
            connectionString => new QueueServiceClient(connectionString, options),
            (account, credential) => new QueueServiceClient(ServiceUri(account, "queue"), credential, options));
    }

    private static T WithTimeout<T>(T options, IConfiguration configuration) where T : ClientOptions
    {
        options.Retry.NetworkTimeout = configuration.GetValue<TimeSpan?>(StorageOptions.NetworkTimeoutSetting) ?? StorageOptions.DefaultNetworkTimeout;
        return options;
    }

    private static T Create<T>(
        IConfiguration configuration,
        Func<string, T> fromConnectionString,
        Func<string, TokenCredential, T> fromIdentity)
    {
        var section = configuration.GetSection(Name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return fromConnectionString(section.Value);
        }

        var account = section["accountName"];
        if (string.IsNullOrWhiteSpace(account))
        {
            throw new InvalidOperationException(Problem(configuration));
        }

        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return fromIdentity(account, credential);
    }

    /// <summary>What is wrong with the storage setting, or null when it names a connection string or an account.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var section = configuration.GetSection(Name);
        return string.IsNullOrWhiteSpace(section.Value) && string.IsNullOrWhiteSpace(section["accountName"])
            ? $"Storage is not configured: set {Name} to a connection string, or {Name}__accountName " +
              "(with a managed identity) to the storage account's name."
            : null;
    }

    private static Uri ServiceUri(string account, string service) => new($"https://{account}.{service}.core.windows.net");
}
