using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Http;
using PacSubmissions.Storage;

namespace PacSubmissions.Upload;

/// <summary>Takes a report posted to a centre's link and streams it into the reports container.</summary>
public sealed partial class ReportUploadHandler(
    UploadLinks links,
    CentreRegister centres,
    CampaignStore campaigns,
    PacStorage storage,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<ReportUploadHandler> logger)
{
    public const string FileField = "file";

    public async Task<IActionResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var link = links.Verify(token);
        var centre = link is null ? null : await centres.FindAsync(link.CentreId, cancellationToken);
        var campaign = link is null ? null : await campaigns.FindAsync(link.Year, cancellationToken);
        if (link is null || centre is null || campaign is null)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Unknown upload link",
                "This upload link is not valid. Please ask IFLA HQ for a new link.");
        }

        var receivedAt = clock.GetUtcNow();
        var window = campaign.WindowAt(receivedAt);
        if (window is UploadWindow.NotYetOpen or UploadWindow.Closed)
        {
            return WindowClosed(campaign, window);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Length is 0 or > 200)
        {
            return NoFile();
        }

        var submissionId = SubmissionBlob.NewSubmissionId(receivedAt);
        var blobName = SubmissionBlob.NameFor(campaign.Year, centre.Id, submissionId);
        using var upload = new BlockUpload(storage.Reports.GetBlockBlobClient(blobName), options.Value.MaxBytes);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).ToString(), request.Body);
        string? fileName = null;
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            var disposition = section.GetContentDispositionHeader();
            if (disposition is null || !disposition.IsFileDisposition())
            {
                continue;
            }

            if (fileName is not null)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "More than one file",
                    "Send one report at a time: this request holds more than one file.");
            }

            fileName = ClientFileName(disposition);
            if (!await upload.StageAsync(section.Body, cancellationToken))
            {
                return Problems.Result(StatusCodes.Status413PayloadTooLarge, "Report too large",
                    $"The report is larger than the {options.Value.MaxBytes / (1024 * 1024)} MB limit. Please send a smaller file (for example without large pictures).");
            }
        }

        if (fileName is null)
        {
            return NoFile();
        }

        if (upload.Bytes == 0)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Empty file", "The file you sent is empty. Please choose your report and send it again.");
        }

        var submission = new SubmissionBlob(centre.Id, campaign.Year, submissionId, receivedAt, window == UploadWindow.Late,
            fileName, upload.Bytes, upload.Sha256);
        await upload.CommitAsync(submission.ToMetadata(), cancellationToken);
        LogStored(logger, centre.Id, campaign.Year, submission.BlobName, submission.Bytes, submission.Late);
        return new ObjectResult(UploadAccepted.From(submission)) { StatusCode = StatusCodes.Status202Accepted };
    }

    private static ObjectResult NoFile() => Problems.Result(StatusCodes.Status400BadRequest, "No file",
        $"No report was sent. Send the report as multipart/form-data in a field named '{FileField}'.");

    private static ObjectResult WindowClosed(Campaign campaign, UploadWindow window) => window == UploadWindow.NotYetOpen
        ? Problems.Result(StatusCodes.Status409Conflict, "Uploads not open yet",
            $"Uploads for the {campaign.Year} campaign open on {CampaignClock.InZone(campaign.OpensAt, campaign.TimeZone):yyyy-MM-dd HH:mm} ({campaign.TimeZone}).")
        : Problems.Result(StatusCodes.Status409Conflict, "Uploads closed",
            $"Uploads for the {campaign.Year} campaign closed on {CampaignClock.InZone(campaign.LateUploadsCloseAt, campaign.TimeZone):yyyy-MM-dd HH:mm} ({campaign.TimeZone}). Please contact IFLA HQ.");

    /// <summary>The client's file name, kept only as a label: no path, no control characters, bounded length.</summary>
    internal static string ClientFileName(ContentDispositionHeaderValue disposition)
    {
        var raw = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
        var name = raw.Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 200)
        {
            name = name[..200];
        }

        return name.Length == 0 || name is "." or ".." ? "report" : name;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored report from {Centre} for {Year} as {BlobName} ({Bytes} bytes, late: {Late})")]
    private static partial void LogStored(ILogger logger, string centre, int year, string blobName, long bytes, bool late);
}
