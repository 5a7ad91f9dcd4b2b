using Microsoft.Extensions.Hosting;

namespace PacSubmissions.Storage;

/// <summary>Creates the container and tables at start, so no request path has to.</summary>
internal sealed class StorageInitializer(PacStorage storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
