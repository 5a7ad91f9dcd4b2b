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

    public static async Task<TestPipeline> StartAsync(Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var storage = await Azurite.ConnectionStringAsync();
        var names = TestStorageNames.Unique();
        var outbox = new Outbox();
        var values = TestSettings.Create(storage, names, outbox.Path);
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
