using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using PacSubmissions.Load;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Azurite;

// dotnet run -c Release --project bench/PacSubmissions.Load -- [--centres 20] [--reports 3] [--clients 8] [--runs 3]
//     [--time-limit 300] [--poll-ms 1000] [--flood 50]
// Starts its own Azurite and local host on free 127.0.0.1 ports, runs the load --runs times (each on its own container
// and tables), reconciles each run and prints its figures, then the medians. Exit code 1 if any run lost or doubled anything.
var options = LoadOptions.Parse(args);
var root = RepositoryRoot.Find();
var files = SampleReports.Find(root);
var work = Directory.CreateTempSubdirectory("pac-load-");
try
{
    await using var azurite = await AzuriteProcess.StartAsync(root, Path.Combine(work.FullName, "azurite"), ports: null, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{options.Plan.Centres} centres × {options.Plan.ReportsPerCentre} reports from {options.Plan.Clients} clients, {options.Runs} runs; " +
        $"blob poll every {options.PollInterval.TotalMilliseconds:F0} ms; {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));

    var summaries = new List<LoadSummary>();
    for (var run = 1; run <= options.Runs; run++)
    {
        var summary = await RunOnceAsync(azurite.ConnectionString, Path.Combine(work.FullName, $"run{run}"), run, options, files);
        summaries.Add(summary);
        Console.WriteLine($"Run {run}: {summary}");
        if (!summary.Reconciliation.IsClean)
        {
            Console.WriteLine(summary.Reconciliation.Describe());
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Median of {summaries.Count}: {Median(summaries, s => s.UploadsPerSecond):F1} uploads/s; upload to recorded check " +
        $"p50 {Median(summaries, s => s.RecordedP50.TotalMilliseconds):F0} ms, p95 {Median(summaries, s => s.RecordedP95.TotalMilliseconds):F0} ms, " +
        $"p99 {Median(summaries, s => s.RecordedP99.TotalMilliseconds):F0} ms; " +
        $"answer p50 {Median(summaries, s => s.AnswerP50.TotalMilliseconds):F0} ms, p95 {Median(summaries, s => s.AnswerP95.TotalMilliseconds):F0} ms; " +
        $"lost {summaries.Sum(s => s.Reconciliation.Lost.Count)}, duplicated {summaries.Sum(s => s.Reconciliation.Duplicated.Count)}"));
    return summaries.All(s => s.Reconciliation.IsClean) ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}

static async Task<LoadSummary> RunOnceAsync(string storage, string folder, int run, LoadOptions options, IReadOnlyList<string> files)
{
    var port = LoopbackPort.Free();
    var outbox = Path.Combine(folder, "outbox");
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Load" });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = storage,
        ["ReportsContainer"] = $"load-run{run}",
        ["Storage:TablePrefix"] = $"loadrun{run}",
        ["Links:SigningSecret"] = "load-signing-secret-0123456789-abcdefghij",
        ["Links:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        ["Email:From"] = "pac@load.example",
        ["Email:HqAddress"] = "hq@load.example",
        ["Email:OutboxPath"] = outbox,
        ["ReminderSchedule"] = "0 0 0 1 1 *",
        ["LocalHost:SeedDemo"] = "false",
        ["LocalHost:BlobPollInterval"] = options.PollInterval.ToString("c", CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        // Each centre sends its reports within seconds: the hourly limit is raised to fit them (only when they are more
        // than the default allows), and each upload gets its own e-mails, which the reconciliation counts.
        ["Upload:UploadsPerHour"] = Math.Max(new PacSubmissions.Upload.UploadOptions().UploadsPerHour, options.Plan.ReportsPerCentre).ToString(CultureInfo.InvariantCulture),
        ["Email:UploadBurstWindow"] = "00:00:00",
    });
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    await using var app = LocalFunctionsHost.Build(builder);
    await app.StartAsync();

    var year = DateTimeOffset.UtcNow.Year;
    // With --flood, one centre more than the plan's: the last, which only floods.
    var links = await LoadScenario.SeedAsync(app.Services, year, options.Plan.Centres + (options.Flood > 0 ? 1 : 0), CancellationToken.None);
    using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
    var watch = Stopwatch.StartNew();
    var driver = new LoadDriver(client, TimeProvider.System);
    var flood = options.Flood > 0 ? driver.FloodAsync(links[^1], options.Flood, files[0], CancellationToken.None) : Task.FromResult<IReadOnlyList<UploadAttempt>>([]);
    var attempts = await driver.RunAsync(links, options.Plan, files, CancellationToken.None);
    var flooded = await flood;
    if (flooded.Count > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Flood from {links[^1].CentreId}: {flooded.Count} at once, {flooded.Count(a => a.Accepted)} accepted, {flooded.Count(a => a.StatusCode == 429)} refused 429, " +
            $"{flooded.Count(a => !a.Accepted && a.StatusCode != 429)} other; all answered within {flooded.Max(a => a.StartedAt + a.Elapsed - flooded.Min(f => f.StartedAt)).TotalMilliseconds:F0} ms"));
    }

    // The flood's accepted uploads are reconciled too (checked, e-mailed once) and are among the latencies; answers are the others'.
    var reconciliation = await Reconciler.WaitAsync(app.Services, year, [.. attempts, .. flooded], ct => OutboxDeliveries.KeysAsync(outbox, ct), options.Plan.TimeLimit, CancellationToken.None);
    watch.Stop();
    await app.StopAsync();
    // Throughput counts the uploads only (until the last answer); latency runs from each upload's start to its recorded check.
    var uploadPhase = attempts.Max(a => a.StartedAt + a.Elapsed) - attempts.Min(a => a.StartedAt);
    return LoadSummary.From(attempts, uploadPhase, reconciliation);
}

static double Median(List<LoadSummary> summaries, Func<LoadSummary, double> figure) =>
    summaries.Select(figure).Order().ElementAt(summaries.Count / 2);
