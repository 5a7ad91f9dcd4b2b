using System.Net;
using System.Net.Http.Json;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.LocalHost;

public sealed class EndToEndTests
{
    [Fact]
    public async Task UploadedReportIsRecordedAndHqIsEmailed()
    {
        await using var server = await LocalHostServer.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var centre = TestData.Centre();
        await TestData.SeedAsync(server.Services, campaign, centre);
        var url = server.Get<UploadLinks>().CreateUrl(centre.Id, campaign);
        var sample = Samples.PathOf("central-asia-2020.docx");

        using var response = await server.Client.PostFileAsync(url.ToString(), sample);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.NotNull(accepted);
        Assert.Equal(centre.Id, accepted.Centre);
        Assert.False(accepted.Late);
        Assert.Equal(new FileInfo(sample).Length, accepted.Bytes);

        var store = server.Get<SubmissionStore>();
        var row = await Eventually.Until(() => store.FindAsync(campaign.Year, centre.Id, accepted.SubmissionId, CancellationToken.None), r => r is not null);
        Assert.NotNull(row);
        Assert.Equal("central-asia-2020.docx", row.OriginalFileName);
        Assert.Equal(accepted.Sha256, row.Sha256);
        Assert.Equal(accepted.Bytes, row.Bytes);
        Assert.False(row.Late);
        Assert.StartsWith($"{campaign.Year}/{centre.Id}/", row.BlobName, StringComparison.Ordinal);
        Assert.Equal(PacSubmissions.Reports.ReportStatus.Valid, row.Check?.Status);
        Assert.Equal("Sarsenbaeva Botakoz Shagalievna", row.Check?.PreparedBy);

        // HQ's e-mail and the coordinator's receipt.
        var mails = await Eventually.Until(() => Task.FromResult(server.Outbox.Messages()), m => m.Count >= 2);
        Assert.Equal(2, mails.Count);
        var mail = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == TestSettings.HqAddress);
        var receipt = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == centre.CoordinatorEmail);
        Assert.Contains(accepted.Sha256, receipt.TextBody, StringComparison.Ordinal);
        Assert.Equal(TestSettings.HqAddress, mail.To.Mailboxes.Single().Address);
        Assert.Contains(centre.Name, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(accepted.Sha256, mail.TextBody, StringComparison.Ordinal);
    }
}
