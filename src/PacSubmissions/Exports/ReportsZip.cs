using System.IO.Compression;
using PacSubmissions.Overview;
using PacSubmissions.Storage;

namespace PacSubmissions.Exports;

/// <summary>
/// The report that counts (<see cref="Submissions.CountingVersion"/>) of every centre that uploaded one, as a ZIP written straight to the output: each blob is copied
/// into its entry as it downloads, and a non-seekable output (an HTTP response) is fine, so nothing is held in memory.
/// A counting report the malware scan marked malicious (only when the centre sent nothing readable) is left out, and a
/// note in the ZIP names its centre. A report that carries active content (an attached template, embedded objects,
/// scripts) is in the ZIP, and a note names it and what it carries, so HQ opens it knowing.
/// </summary>
public sealed class ReportsZip(PacStorage storage)
{
    public async Task WriteAsync(CampaignOverview overview, Stream output, CancellationToken cancellationToken)
    {
        var body = new AsyncWriteStream(output);
        await using (var archive = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            await AddCountingReportsAsync(archive, overview, cancellationToken);
        }

        await body.FlushAsync(cancellationToken);
    }

    private async Task AddCountingReportsAsync(ZipArchive archive, CampaignOverview overview, CancellationToken cancellationToken)
    {
        var counting = overview.Centres.Select(c => c.Counting).OfType<Submissions.Submission>().ToList();
        foreach (var report in counting.Where(s => !s.MarkedMalicious()))
        {
            // Reports are already compressed (DOCX, ODT are ZIPs; PDF streams are deflated): storing them saves CPU for nothing lost.
            var entry = archive.CreateEntry(ReportFileNames.Of(report), CompressionLevel.NoCompression);
            entry.LastWriteTime = report.ReceivedAt;
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = await storage.Reports.GetBlobClient(report.BlobName).OpenReadAsync(cancellationToken: cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
        }

        await AddActiveContentNoteAsync(archive, counting, cancellationToken);
        var leftOut = counting.Where(s => s.MarkedMalicious()).Select(s => $"{s.CentreId}: {s.OriginalFileName} (received {s.ReceivedAt:yyyy-MM-dd HH:mm} UTC)").ToList();
        if (leftOut.Count > 0)
        {
            var note = archive.CreateEntry(LeftOutNoteName, CompressionLevel.Optimal);
            await using var writer = new StreamWriter(await note.OpenAsync(cancellationToken));
            await writer.WriteAsync(
                "The malware scan found a threat in these centres' reports, so they are not in this ZIP. "
                + $"Ask each centre for a clean copy.{Environment.NewLine}{Environment.NewLine}{string.Join(Environment.NewLine, leftOut)}{Environment.NewLine}");
        }
    }

    private static async Task AddActiveContentNoteAsync(ZipArchive archive, List<Submissions.Submission> counting, CancellationToken cancellationToken)
    {
        var active = counting.Where(s => !s.MarkedMalicious() && s.CarriesActiveContent())
            .Select(s => $"{ReportFileNames.Of(s)} ({s.CentreId}, sent as {s.OriginalFileName}): "
                + string.Join(" ", s.Check!.Problems.Where(p => p.Code == Reports.ProblemCodes.ActiveContent).Select(p => p.Message)))
            .ToList();
        if (active.Count == 0)
        {
            return;
        }

        var note = archive.CreateEntry(ActiveContentNoteName, CompressionLevel.Optimal);
        await using var writer = new StreamWriter(await note.OpenAsync(cancellationToken));
        await writer.WriteAsync(
            "These reports carry active content: Word, LibreOffice or a PDF reader may fetch files from elsewhere or run code when they are opened. "
            + "Their answers were read. Open them with care (in protected view, or not on a computer with access to HQ's network shares), "
            + $"or ask the centre for a copy saved without it.{Environment.NewLine}{Environment.NewLine}{string.Join(Environment.NewLine, active)}{Environment.NewLine}");
    }

    public const string LeftOutNoteName = "LEFT-OUT-malware-found.txt";

    public const string ActiveContentNoteName = "CAREFUL-active-content.txt";
}
