using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// One built worker for a test class, as the host runs it, on the shared Azurite with storage names of its own; the
/// same pipeline services in the test process seed it and read back what it did. Tests in the class keep apart by
/// their own centres. Disposing terminates the worker and deletes its storage.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    private TestPipeline? _pipeline;
    private WorkerProcess? _worker;

    public TestPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("The fixture has not started.");

    internal WorkerProcess Worker => _worker ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _pipeline = await TestPipeline.StartAsync();
        _worker = await WorkerProcess.StartAsync(TestSettings.Create(_pipeline.Storage, _pipeline.Names, _pipeline.Outbox.Path));
    }

    public async Task DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }
}
