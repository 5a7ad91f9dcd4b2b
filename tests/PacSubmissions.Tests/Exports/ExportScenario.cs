using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Centres;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;
using PacSubmissions.Upload;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Exports;

/// <summary>
/// A 2030 campaign whose reports went through the real processor: real sample reports (and one built from the form whose
/// answer carries markup and script), centre names that need CSV escaping or look like formulas, a centre with two
/// versions, one with an unreadable file, one with nothing yet, and an inactive centre that must not appear.
/// </summary>
public static class ExportScenario
{
    public const int Year = 2030;
    public const string ScriptAnswer = "<script>alert('pwned')</script> We ran <b>three</b> workshops & a course.";

    public static readonly Centre Seoul = TestData.Centre("kr-seoul", "Seoul, \"Korea\" PAC Centre") with { Country = "Republic of Korea" };
    public static readonly Centre Beijing = TestData.Centre("cn-beijing", "-Beijing PAC,\nNational Library") with { Country = "China" };
    public static readonly Centre Melbourne = TestData.Centre("au-melbourne", "=HYPERLINK(\"http://evil.example\") Oceania") with { Country = "Australia" };
    public static readonly Centre Rio = TestData.Centre("br-rio", "PAC Centre Rio de Janeiro") with { Country = "Brazil" };
    public static readonly Centre Pretoria = TestData.Centre("za-pretoria", "PAC Centre Pretoria") with { Country = "South Africa" };
    public static readonly Centre Closed = TestData.Centre("xx-closed", "Closed Centre") with { Active = false };

    public static IReadOnlyList<Centre> Active { get; } = [Seoul, Beijing, Melbourne, Rio, Pretoria];

    /// <summary>The form filled in, with the Workshops answer holding HTML and script.</summary>
    public static byte[] ScriptReport() =>
        Docx([.. FormText.English.Pairs.SelectMany(p => new[]
        {
            Bold(p.Question),
            Plain(p.Question.StartsWith("Workshops", StringComparison.Ordinal) ? ScriptAnswer : p.Answer),
        })]);

    /// <summary>Seeds the campaign and processes the uploads; returns the blob name of each centre's newest upload.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(IServiceProvider services)
    {
        var now = DateTimeOffset.UtcNow;
        await TestData.SeedAsync(services, TestData.OpenCampaign(now, Year), [.. Active, Closed]);
        var newest = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Seoul.Id] = await UploadAsync(services, Seoul, Sample("korea-2021.docx"), now.AddHours(-5), late: false),
            [Melbourne.Id] = await UploadAsync(services, Melbourne, ScriptReport(), now.AddHours(-4), late: false),
            [Rio.Id] = await UploadAsync(services, Rio, Sample("truncated.docx"), now.AddHours(-3), late: false),
        };
        await UploadAsync(services, Beijing, Sample("incomplete-2021.docx"), now.AddHours(-6), late: false);
        newest[Beijing.Id] = await UploadAsync(services, Beijing, Sample("china-2021.docx"), now.AddHours(-2), late: true);
        await UploadAsync(services, Closed, Sample("korea-2021.docx"), now.AddHours(-1), late: false);
        return newest;
    }

    public static byte[] Sample(string name) => File.ReadAllBytes(Samples.PathOf(name));

    /// <summary>Stores the file as the upload function would, then runs the processor on it, as the blob trigger would.</summary>
    public static async Task<string> UploadAsync(
        IServiceProvider services, Centre centre, byte[] bytes, DateTimeOffset receivedAt, bool late, string? fileName = null)
    {
        var submission = new SubmissionBlob(centre.Id, Year, SubmissionBlob.NewSubmissionId(receivedAt), receivedAt, late,
            fileName ?? $"{centre.Id} report.docx", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var blob = services.GetRequiredService<PacStorage>().Reports.GetBlobClient(submission.BlobName);
        await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions { Metadata = submission.ToMetadata() });
        await services.GetRequiredService<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None);
        return submission.BlobName;
    }
}
