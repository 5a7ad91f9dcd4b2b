using System.IO.Compression;
using PacSubmissions.Overview;
using PacSubmissions.Storage;

namespace PacSubmissions.Exports;

/// <summary>
/// The newest report of every centre that uploaded one, as a ZIP written straight to the output: each blob is copied
/// into its entry as it downloads, and a non-seekable output (an HTTP response) is fine, so nothing is held in memory.
/// </summary>
public sealed class ReportsZip(PacStorage storage)
{
    public async Task WriteAsync(CampaignOverview overview, Stream output, CancellationToken cancellationToken)
    {
        var body = new AsyncWriteStream(output);
        await using (var archive = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await AddNewestReportsAsync(archive, overview, cancellationToken);
        }

        await body.FlushAsync(cancellationToken);
    }

    private async Task AddNewestReportsAsync(ZipArchive archive, CampaignOverview overview, CancellationToken cancellationToken)
    {
        foreach (var latest in overview.Centres.Select(c => c.Latest).OfType<Submissions.Submission>())
        {
            // Reports are already compressed (DOCX, ODT are ZIPs; PDF streams are deflated): storing them saves CPU for nothing lost.
            var entry = archive.CreateEntry(ReportFileNames.Of(latest), CompressionLevel.NoCompression);
            entry.LastWriteTime = latest.ReceivedAt;
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = await storage.Reports.GetBlobClient(latest.BlobName).OpenReadAsync(cancellationToken: cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
        }
    }
}
