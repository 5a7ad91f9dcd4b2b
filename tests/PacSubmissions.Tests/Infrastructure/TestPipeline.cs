using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PacSubmissions.Storage;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>
/// The pipeline's services on real Azurite, without HTTP: the same <c>AddPacSubmissions</c> the Functions app and the
/// local host call, with the test's own container, tables, outbox and (optionally) clock. Disposing deletes them all.
/// </summary>
public sealed class TestPipeline : IAsyncDisposable
{
    private TestPipeline(ServiceProvider services, TestStorageNames names, Outbox outbox, string storage)
    {
        Services = services;
        Names = names;
        Outbox = outbox;
        Storage = storage;
    }

    public ServiceProvider Services { get; }

    public TestStorageNames Names { get; }

    public Outbox Outbox { get; }

    public string Storage { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <param name="storage">A storage connection string of the test's own; the shared Azurite when null.</param>
    /// <param name="names">Storage names to share (with a local host the test runs as a process); new ones when null.</param>
    /// <param name="outbox">Outbox to share; a new one when null.</param>
    /// <param name="publicBaseUrl">Where links point (the address of that local host); a placeholder when null.</param>
    public static async Task<TestPipeline> StartAsync(
        Action<IServiceCollection>? configure = null,
        Dictionary<string, string?>? settings = null,
        string? storage = null,
        TestStorageNames? names = null,
        Outbox? outbox = null,
        Uri? publicBaseUrl = null)
    {
        storage ??= await Azurite.ConnectionStringAsync();
        names ??= TestStorageNames.Unique();
        outbox ??= new Outbox();
        var values = publicBaseUrl is null
            ? TestSettings.Create(storage, names, outbox.Path)
            : TestSettings.Create(storage, names, outbox.Path, publicBaseUrl.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging(l => l.AddDebug()).AddSingleton<IConfiguration>(configuration);
        collection.AddPacSubmissions(configuration);
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<PacStorage>().EnsureCreatedAsync(CancellationToken.None);
        return new TestPipeline(services, names, outbox, storage);
    }

    public async ValueTask DisposeAsync()
    {
        await TestStorageCleanup.DeleteAsync(Storage, Names);
        await Services.DisposeAsync();
        Outbox.Dispose();
    }
}

public static class TestStorageCleanup
{
    public static async Task DeleteAsync(string storage, TestStorageNames names)
    {
        await new BlobServiceClient(storage).GetBlobContainerClient(names.ReportsContainer).DeleteIfExistsAsync();
        await new BlobServiceClient(storage).GetBlobContainerClient(names.ReportsContainer + "-incoming").DeleteIfExistsAsync();
        var queues = new Azure.Storage.Queues.QueueServiceClient(storage);
        await queues.GetQueueClient(names.BlobPoisonQueue).DeleteIfExistsAsync();
        await queues.GetQueueClient(names.BlobPoisonQueue + "-poison").DeleteIfExistsAsync();
        var tables = new TableServiceClient(storage);
        var prefix = names.TablePrefix;
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "{") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }
    }
}
