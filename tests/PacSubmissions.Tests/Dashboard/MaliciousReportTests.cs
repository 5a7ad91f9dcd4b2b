using System.Net;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>A report the malware scan marked malicious is kept, shown, and never handed to HQ's browser.</summary>
public sealed class MaliciousReportTests
{
    [Fact]
    public async Task AVersionMarkedMaliciousIsNotOfferedForDownload()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));
        var download = $"/api/dashboard/{DashboardSite.Year}/centres/{version.CentreId}/versions/{version.SubmissionId}/download";
        using var clean = await site.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, clean.StatusCode);

        await site.Get<SubmissionStore>().SaveAsync(
            version with { Check = version.Check! with { Problems = [new ReportProblem(ProblemCodes.Malicious, "The malware scan found a threat.")] } },
            CancellationToken.None);
        using var refused = await site.GetAsync(download);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not offered for download", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual("application/octet-stream", refused.Content.Headers.ContentType?.MediaType);
    }
}
