using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PacSubmissions.LocalHost;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;
using static PacSubmissions.Tests.Sweep.SweepRequests;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// Hostile file names: the report is taken (the name is only a label), the blob is named by the project alone, and the
/// label kept in the metadata has no path, no control or direction-override characters, and is escaped wherever it is shown.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FileNameSweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    public static TheoryData<string, bool, string> Names => new()
    {
        { "../../etc/passwd.docx", false, "passwd.docx" },
        { @"..\..\x.docx", false, "x.docx" },
        { "/etc/x.pdf", false, "x.pdf" },
        { @"C:\x.pdf", false, "x.pdf" },
        { "a\r\nBcc: everyone@example.org.pdf", true, "aBcc: everyone@example.org.pdf" },
        { "a\0b.pdf", true, "ab.pdf" },
        { "report\u202Efdp.exe", true, "reportfdp.exe" },
        { new string('n', 5000) + ".pdf", false, new string('n', 200) },
        { "....", false, "report" },
        { ". .", true, "report" },
        { "<img src=x onerror=alert(1)>.pdf", false, "<img src=x onerror=alert(1)>.pdf" },
        { "отчёт 2030 — Алматы.pdf", true, "отчёт 2030 — Алматы.pdf" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HostileFileNameIsKeptOnlyAsAnEscapedLabel(string sent, bool encoded, string kept)
    {
        var site = sweep.Site;
        var part = encoded ? EncodedFilePart(sent, Pdf) : FilePart(sent, Pdf);

        using var response = await site.PostAsync(Body($"multipart/form-data; boundary={Boundary}", Multipart(Boundary, true, part)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.NotNull(accepted);
        sweep.Remember(accepted.SubmissionId);
        Assert.Equal(kept, accepted.FileName);
        var blob = site.Server.Get<PacStorage>().Reports.GetBlobClient(SubmissionBlob.NameFor(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId));
        var properties = await blob.GetPropertiesAsync();
        Assert.Matches($"^{site.Campaign.Year}/{site.Centre.Id}/[0-9]{{8}}T[0-9]{{9}}Z-[0-9a-f]{{8}}$", blob.Name);
        Assert.All(properties.Value.Metadata.Values, value => Assert.True(value.All(char.IsAscii), $"Metadata value '{value}' is not ASCII."));
        Assert.Equal(kept, SubmissionBlob.FromMetadata(properties.Value.Metadata)?.OriginalFileName);

        var row = await Eventually.Until(
            () => site.Server.Get<SubmissionStore>().FindAsync(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId, CancellationToken.None),
            r => r is not null);
        Assert.Equal(kept, row?.OriginalFileName);
        var escaped = WebUtility.HtmlEncode(kept);
        Assert.Contains(escaped, await DashboardCentrePageAsync(), StringComparison.Ordinal);
        var mail = await Eventually.Until(() => Task.FromResult(site.Server.Outbox.To(TestSettings.HqAddress)
            .FirstOrDefault(m => m.Headers["X-Pac-Email-Key"]?.EndsWith(accepted.SubmissionId, StringComparison.Ordinal) == true)), m => m is not null);
        Assert.NotNull(mail);
        Assert.Contains(kept, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(escaped, mail.HtmlBody, StringComparison.Ordinal);
        if (kept != escaped)
        {
            Assert.DoesNotContain(kept, mail.HtmlBody, StringComparison.Ordinal);
        }
    }

    /// <summary>An empty name is what a browser sends when no file was chosen, whatever the part holds.</summary>
    [Fact]
    public async Task EmptyFileNameCountsAsNoFileChosen()
    {
        var part = FilePart("", Pdf);

        using var response = await sweep.Site.PostAsync(Body($"multipart/form-data; boundary={Boundary}", Multipart(Boundary, true, part)));

        await AssertProblemAsync(response, 400, "No file was chosen.");
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    private async Task<string> DashboardCentrePageAsync()
    {
        var site = sweep.Site;
        using var request = HqRequests.Request(site.Server, HttpMethod.Get, $"/api/dashboard/{site.Campaign.Year}/centres/{site.Centre.Id}");
        using var page = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
