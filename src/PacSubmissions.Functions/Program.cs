using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PacSubmissions;
using PacSubmissions.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPacSubmissions(builder.Configuration);
builder.Services.AddWorkerRequestLimits(builder.Configuration);
using var host = builder.Build();

// Storage before the host connection: a worker that connects to the Functions host is sent invocations at once, so it
// must not connect while the storage every function needs cannot be reached (it would fail them and crash later).
if (!await WorkerStartup.StorageIsReachableAsync(host.Services, CancellationToken.None))
{
    return 1;
}

await host.RunAsync();
return 0;
