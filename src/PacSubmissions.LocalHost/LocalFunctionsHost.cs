using Microsoft.Extensions.Options;
using PacSubmissions.Functions.Upload;
using PacSubmissions.Html;
using PacSubmissions.LocalHost.Functions;
using PacSubmissions.Storage;

namespace PacSubmissions.LocalHost;

/// <summary>The local stand-in for the Functions host: the pipeline's services plus an adapter per trigger kind.</summary>
internal static class LocalFunctionsHost
{
    /// <summary>Builds the app from a configured builder; Program and the tests both start it this way.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.Services.AddPacSubmissions(builder.Configuration);
        builder.Services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section);
        // Locally the dashboard key is the host's function key (printed at start) unless Dashboard:Key is set.
        builder.Services.AddOptions<PacSubmissions.Dashboard.DashboardOptions>().PostConfigure<IOptions<LocalHostOptions>>((dashboard, local) =>
        {
            if (dashboard.Key.Length == 0)
            {
                dashboard.Key = local.Value.FunctionKey;
            }
        });
        builder.Services.AddSingleton(FunctionCatalog.From(typeof(UploadReport).Assembly));
        builder.Services.AddSingleton(HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json")));
        builder.Services.AddSingleton(_ => StorageConnection.CreateQueueServiceClient(builder.Configuration));
        builder.Services.AddMvcCore();
        builder.Services.AddHostedService<BlobTriggerListener>();
        builder.Services.AddHostedService<QueueTriggerListener>();
        builder.Services.AddHostedService<TimerTriggerScheduler>();
        // The upload enforces its own, configurable size limit while streaming; Kestrel's 30 MB default must not decide first.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        var app = builder.Build();
        app.MapHttpFunctions();
        app.MapGet("/", async (HtmlPages pages, CancellationToken cancellationToken) =>
            Results.Content(await pages.RenderAsync<LocalHomePage>(new Dictionary<string, object?>(), cancellationToken), "text/html; charset=utf-8"));
        return app;
    }
}
