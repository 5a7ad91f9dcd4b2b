using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>A local host with one campaign and one centre in the test's own storage, and that centre's link.</summary>
public sealed class UploadSite : IAsyncDisposable
{
    private UploadSite(LocalHostServer server, Campaign campaign, Centre centre, FakeTimeProvider clock)
    {
        Server = server;
        Campaign = campaign;
        Centre = centre;
        Clock = clock;
        Url = server.Get<UploadLinks>().CreateUrl(centre.Id, campaign).ToString();
    }

    public LocalHostServer Server { get; }

    public Campaign Campaign { get; }

    public Centre Centre { get; }

    public FakeTimeProvider Clock { get; }

    public string Url { get; }

    public HttpClient Client => Server.Client;

    /// <summary>Starts at <paramref name="now"/> (default: the real now) with <paramref name="campaign"/> (default: open, deadline in a week).</summary>
    /// <param name="processOnDemand">Uploads wait until the test calls <see cref="ProcessAsync"/>, instead of being processed at once.</param>
    public static async Task<UploadSite> StartAsync(
        DateTimeOffset? now = null, Campaign? campaign = null, Centre? centre = null, Dictionary<string, string?>? settings = null,
        bool processOnDemand = false)
    {
        settings = new Dictionary<string, string?>(settings ?? []);
        if (processOnDemand)
        {
            settings["LocalHost:DeliverBlobEvents"] = "false";
        }

        var clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        var server = await LocalHostServer.StartAsync(clock, settings);
        campaign ??= TestData.OpenCampaign(clock.GetUtcNow());
        centre ??= TestData.Centre();
        await TestData.SeedAsync(server.Services, campaign, centre);
        return new UploadSite(server, campaign, centre, clock);
    }

    /// <summary>Runs the real processor on one upload of this site's centre, as the blob trigger would.</summary>
    public Task ProcessAsync(string submissionId) =>
        Server.Get<SubmissionProcessor>().ProcessAsync(
            Server.Get<PacStorage>().Reports.GetBlobClient(SubmissionBlob.NameFor(Campaign.Year, Centre.Id, submissionId)), CancellationToken.None);

    public string LinkFor(string centreId) => Server.Get<UploadLinks>().CreateUrl(centreId, Campaign).ToString();

    /// <summary>Posts as an English-speaking client (the test centre's own language is Russian).</summary>
    public Task<HttpResponseMessage> PostAsync(HttpContent content, string? url = null, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url ?? Url) { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.AcceptLanguage.ParseAdd("en");
        return Client.SendAsync(request);
    }

    /// <summary>Posts the bytes as the file part, named <paramref name="fileName"/> or, without one, <c>report.</c> and the extension its content has, as a coordinator's file is.</summary>
    public Task<HttpResponseMessage> PostFileAsync(byte[] bytes, string? fileName = null, string? url = null, string accept = "application/json") =>
        PostAsync(Form((FileField: "file", FileName: fileName ?? NameFor(bytes), Bytes: bytes)), url, accept);

    /// <summary><c>report.pdf</c>, <c>report.odt</c> or <c>report.docx</c>, by what the upload will find the bytes to be.</summary>
    public static string NameFor(byte[] bytes) =>
        "report." + (ReportFormat.Detect(bytes) is { } format ? ReportFormat.ExtensionOf(format)[1..] : "docx");

    public Task<HttpResponseMessage> GetAsync(string url, string accept = "text/html", string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return Client.SendAsync(request);
    }

    public static MultipartFormDataContent Form(params (string FileField, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, name);
        }

        return form;
    }

    public static byte[] Sample(string name) => File.ReadAllBytes(Samples.PathOf(name));

    /// <summary>A minimal OpenDocument text: a zip whose first entry is the stored <c>mimetype</c>.</summary>
    public static byte[] Odt()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var mimetype = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open(), new UTF8Encoding(false)))
            {
                mimetype.Write("application/vnd.oasis.opendocument.text");
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        }

        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
