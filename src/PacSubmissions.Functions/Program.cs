using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PacSubmissions;
using PacSubmissions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPacSubmissions(builder.Configuration);
builder.Services.AddWorkerRequestLimits(builder.Configuration);
builder.AddWorkerTelemetry();
using var host = builder.Build();

// Storage before the host connection: a worker that connects to the Functions host is sent invocations at once, so it
// must not connect while the storage every function needs cannot be reached (it would fail them and crash later).
if (!await WorkerStartup.StorageIsReachableAsync(host.Services, CancellationToken.None))
{
    return 1;
}

// Resolved now: RunAsync disposes the host (and its services) before an exception from it gets here.
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
try
{
    await host.RunAsync();
}
catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
{
    // The host sent WorkerTerminate while the rest of the app was still starting (the host connection starts first):
    // that is a requested stop, so the worker leaves cleanly instead of crashing with the cancelled start.
}

return 0;
