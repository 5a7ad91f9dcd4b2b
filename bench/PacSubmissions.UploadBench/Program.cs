using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Http;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Azurite;
using PacSubmissions.Bench;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;
using PacSubmissions.UploadBench;

// dotnet run -c Release --project bench/PacSubmissions.UploadBench -- [sizeMB=100] [rounds=3]
var sizeMb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var root = RepositoryRoot.Find();
var work = Directory.CreateTempSubdirectory("pac-upload-bench-");
try
{
    await using var azurite = await AzuriteProcess.StartAsync(root, Path.Combine(work.FullName, "azurite"), ports: null, CancellationToken.None);
    var file = Path.Combine(work.FullName, "report.pdf");
    WriteTestFile(file, sizeMb * 1024L * 1024);

    var port = FreePort();
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Bench" });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["ReportsContainer"] = "reports",
        ["Links:SigningSecret"] = "bench-signing-secret-0123456789-abcdefghij",
        ["Links:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        ["Email:From"] = "pac@bench.example",
        ["Email:HqAddress"] = "hq@bench.example",
        ["Email:OutboxPath"] = Path.Combine(work.FullName, "outbox"),
        ["ReminderSchedule"] = "0 0 0 1 1 *",
        ["Upload:MaxBytes"] = (1L << 31).ToString(CultureInfo.InvariantCulture),
        ["LocalHost:SeedDemo"] = "false",
        // Only the upload is measured: the blob trigger (which hashes each stored report again) stays idle.
        ["LocalHost:BlobPollInterval"] = "01:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    });
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    await using var app = LocalFunctionsHost.Build(builder);
    await app.StartAsync();

    var now = DateTimeOffset.UtcNow;
    var campaign = new Campaign(now.Year, now.AddDays(-1), now.AddDays(7), Campaign.AnywhereOnEarth, Campaign.DefaultGrace, now.AddDays(30));
    await app.Services.GetRequiredService<CampaignStore>().SaveAsync(campaign, CancellationToken.None);
    await app.Services.GetRequiredService<CentreRegister>().SaveAsync(
        new Centre("bench", "Bench Centre", "Bench Library", "Nowhere", "Nowhere", "B. Ench", "bench@bench.example", "en"), CancellationToken.None);
    var url = app.Services.GetRequiredService<UploadLinks>().CreateUrl("bench", campaign);
    var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("bench-direct");
    await container.CreateIfNotExistsAsync();
    using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };

    Console.WriteLine($"File: {sizeMb} MB, {rounds} rounds each, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    await PostThroughEndpointAsync(client, url, file); // warm-up: JIT, connections, Azurite
    await UploadDirectAsync(container, file);
    await UploadInBlocksAsync(client, url, file);

    var endpoint = new List<double>();
    var direct = new List<double>();
    var inBlocks = new List<double>();
    var peaks = new List<long>();
    var absolutePeaks = new List<long>();
    var allocated = new List<long>();
    for (var round = 0; round < rounds; round++)
    {
        MemoryWatch.ResetPeak();
        var baseline = MemoryWatch.ResidentBytes();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        endpoint.Add(await PostThroughEndpointAsync(client, url, file));
        allocated.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        absolutePeaks.Add(MemoryWatch.PeakResidentBytes());
        peaks.Add(absolutePeaks[^1] - baseline);
        direct.Add(await UploadDirectAsync(container, file));
        inBlocks.Add(await UploadInBlocksAsync(client, url, file));
    }

    Console.WriteLine($"Endpoint (POST multipart -> staged blocks): median {Median(endpoint):F1} MB/s   [{string.Join(", ", endpoint.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"Direct SDK (BlockBlobClient.UploadAsync):   median {Median(direct):F1} MB/s   [{string.Join(", ", direct.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"Endpoint / direct: {Median(endpoint) / Median(direct):P0}");
    Console.WriteLine($"In blocks (the page's script: 4 MB PUTs, then the commit): median {Median(inBlocks):F1} MB/s   [{string.Join(", ", inBlocks.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"Peak resident memory above the idle baseline while {sizeMb} MB streamed through the endpoint: max {peaks.Max() / (1024.0 * 1024):F1} MB   [{string.Join(", ", peaks.Select(p => (p / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"Peak resident memory of the process (host + client + runtime) during those uploads: max {absolutePeaks.Max() / (1024.0 * 1024):F1} MB");
    Console.WriteLine($"Managed bytes allocated per {sizeMb} MB upload (host + client): max {allocated.Max() / (1024.0 * 1024):F1} MB");

    // A zip bomb through the whole path: the upload, then the processor the blob trigger runs (reader, checks, row, e-mails).
    var bomb = Path.Combine(work.FullName, "bomb.docx");
    await using (var bombFile = File.Create(bomb))
    {
        ZipBomb.Write(bombFile, 1024L * 1024 * 1024);
    }

    var processor = app.Services.GetRequiredService<SubmissionProcessor>();
    var reports = app.Services.GetRequiredService<PacStorage>().Reports;
    var submissions = app.Services.GetRequiredService<SubmissionStore>();
    var bombPeaks = new List<long>();
    var bombAbsolutePeaks = new List<long>();
    for (var round = 0; round < rounds; round++)
    {
        MemoryWatch.ResetPeak();
        var baseline = MemoryWatch.ResidentBytes();
        var (accepted, _) = await PostAsync(client, url, bomb);
        await processor.ProcessAsync(reports.GetBlobClient(SubmissionBlob.NameFor(accepted.Year, accepted.Centre, accepted.SubmissionId)), CancellationToken.None);
        bombAbsolutePeaks.Add(MemoryWatch.PeakResidentBytes());
        bombPeaks.Add(bombAbsolutePeaks[^1] - baseline);
        var row = await submissions.FindAsync(accepted.Year, accepted.Centre, accepted.SubmissionId, CancellationToken.None);
        var problems = string.Join(", ", row?.Check?.Problems.Select(p => p.Code) ?? ["no row"]);
        if (round == 0)
        {
            Console.WriteLine($"Zip bomb ({new FileInfo(bomb).Length / 1024} KB, 1 GB inflated) recorded with problems: {problems}");
        }
    }

    Console.WriteLine($"Peak resident memory above the idle baseline while a 1 GB zip bomb was uploaded and processed: max {bombPeaks.Max() / (1024.0 * 1024):F1} MB   [{string.Join(", ", bombPeaks.Select(p => (p / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture)))}]");
    Console.WriteLine($"Peak resident memory of the process during those: max {bombAbsolutePeaks.Max() / (1024.0 * 1024):F1} MB");
    await app.StopAsync();
}
finally
{
    work.Delete(recursive: true);
}

static async Task<double> PostThroughEndpointAsync(HttpClient client, Uri url, string path)
{
    var (accepted, elapsed) = await PostAsync(client, url, path);
    return accepted.Bytes / (1024.0 * 1024) / elapsed.TotalSeconds;
}

static async Task<(UploadAccepted Accepted, TimeSpan Elapsed)> PostAsync(HttpClient client, Uri url, string path)
{
    await using var stream = File.OpenRead(path);
    using var form = new MultipartFormDataContent();
    var content = new StreamContent(stream, 81920);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
    form.Add(content, ReportUploadHandler.FileField, "report.pdf");
    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
    request.Headers.Accept.ParseAdd("application/json");
    var watch = Stopwatch.StartNew();
    using var response = await client.SendAsync(request);
    watch.Stop();
    var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>()
        ?? throw new InvalidOperationException($"The endpoint answered {(int)response.StatusCode}.");
    return (accepted, watch.Elapsed);
}

// As the page's script sends a report: one PUT per block, one after the other, then the commit, which assembles the
// blocks and copies them through the upload's checks into the report blob.
static async Task<double> UploadInBlocksAsync(HttpClient client, Uri url, string path)
{
    const int blockSize = 4 * 1024 * 1024; // BlockUpload.BlockSize, which the list route also reports
    var token = url.Segments[^1];
    var uploadId = Guid.NewGuid().ToString("N");
    var buffer = new byte[blockSize];
    await using var stream = File.OpenRead(path);
    var watch = Stopwatch.StartNew();
    for (var index = 0; ; index++)
    {
        var read = await stream.ReadAtLeastAsync(buffer, blockSize, throwOnEndOfStream: false);
        if (read == 0)
        {
            break;
        }

        using var block = new ByteArrayContent(buffer, 0, read);
        using var staged = await client.PutAsync(new Uri(url, UploadRoutes.ResumableBlockPath(token, uploadId, index.ToString(CultureInfo.InvariantCulture))), block);
        staged.EnsureSuccessStatusCode();
    }

    using var commit = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UploadRoutes.ResumablePath(token, uploadId)))
    {
        Content = JsonContent.Create(new CommitRequest("report.pdf", stream.Length), options: JsonSerializerOptions.Web),
    };
    commit.Headers.Accept.ParseAdd("application/json");
    using var response = await client.SendAsync(commit);
    watch.Stop();
    var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>()
        ?? throw new InvalidOperationException($"The commit answered {(int)response.StatusCode}.");
    return accepted.Bytes / (1024.0 * 1024) / watch.Elapsed.TotalSeconds;
}

static async Task<double> UploadDirectAsync(BlobContainerClient container, string path)
{
    await using var stream = File.OpenRead(path);
    var blob = container.GetBlockBlobClient($"direct-{Guid.NewGuid():N}");
    var watch = Stopwatch.StartNew();
    await blob.UploadAsync(stream);
    watch.Stop();
    return stream.Length / (1024.0 * 1024) / watch.Elapsed.TotalSeconds;
}

static void WriteTestFile(string path, long bytes)
{
    var random = new Random(20300715);
    var buffer = new byte[1024 * 1024];
    using var file = File.Create(path);
    "%PDF-1.7\n"u8.CopyTo(buffer);
    for (long written = 0; written < bytes; written += buffer.Length)
    {
        file.Write(buffer, 0, (int)Math.Min(buffer.Length, bytes - written));
        random.NextBytes(buffer);
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
