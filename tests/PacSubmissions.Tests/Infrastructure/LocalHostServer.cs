using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>
/// The local host, as <c>dotnet run</c> starts it, on a free loopback port against the shared Azurite, with the
/// test's own storage names and outbox. Real Kestrel, real HTTP: tests talk to it through <see cref="Client"/>.
/// </summary>
public sealed class LocalHostServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHostServer(WebApplication app, Uri baseAddress, TestStorageNames names, Outbox outbox, string storage)
    {
        _app = app;
        BaseAddress = baseAddress;
        Names = names;
        Outbox = outbox;
        Storage = storage;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public TestStorageNames Names { get; }

    public Outbox Outbox { get; }

    public string Storage { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="names">Storage names to reuse (a restart of an earlier server); new ones when null.</param>
    /// <param name="outbox">Outbox to reuse (a restart of an earlier server); a new one when null.</param>
    /// <param name="services">Extra registrations, e.g. a logger provider that watches what this host does.</param>
    /// <param name="storage">A storage connection string of the test's own (an Azurite it stops); the shared Azurite when null.</param>
    public static async Task<LocalHostServer> StartAsync(
        TimeProvider? clock = null,
        Dictionary<string, string?>? settings = null,
        TestStorageNames? names = null,
        Outbox? outbox = null,
        Action<IServiceCollection>? services = null,
        string? storage = null)
    {
        storage ??= await Azurite.ConnectionStringAsync();
        names ??= TestStorageNames.Unique();
        outbox ??= new Outbox();
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" });
        var values = TestSettings.Create(storage, names, outbox.Path, baseAddress.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls(baseAddress.ToString());
        if (clock is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        }

        services?.Invoke(builder.Services);
        var app = LocalFunctionsHost.Build(builder);
        await app.StartAsync();
        return new LocalHostServer(app, baseAddress, names, outbox, storage);
    }

    /// <summary>Stops the host but keeps its storage and outbox, as a crash or a redeploy would.</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await TestStorageCleanup.DeleteAsync(Storage, Names);
        Outbox.Dispose();
    }
}
