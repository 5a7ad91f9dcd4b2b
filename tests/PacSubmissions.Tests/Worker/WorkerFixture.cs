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

    /// <summary>The key the worker takes SendGrid's Event Webhook posts as signed with (<c>Email:EventWebhookPublicKey</c>).</summary>
    public System.Security.Cryptography.ECDsa SendGridKey { get; } = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

    public TestPipeline Pipeline => _pipeline ?? throw new InvalidOperationException("The fixture has not started.");

    internal WorkerProcess Worker => _worker ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _pipeline = await TestPipeline.StartAsync();
        var settings = TestSettings.Create(_pipeline.Storage, _pipeline.Names, _pipeline.Outbox.Path);
        settings["Email:EventWebhookPublicKey"] = Email.SendGridEvents.VerificationKey(SendGridKey);
        _worker = await WorkerProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        SendGridKey.Dispose();
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
