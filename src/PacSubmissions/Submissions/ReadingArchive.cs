using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using PacSubmissions.Reports;
using PacSubmissions.Storage;

namespace PacSubmissions.Submissions;

/// <summary>
/// Keeps the full reading of each report (every answer's text) as a JSON blob named after the report's blob: Table
/// storage caps an entity at 1 MiB, and the answers of a long report do not fit in a row.
/// </summary>
public sealed class ReadingArchive(PacStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(string reportBlobName, ReportReading reading, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await JsonSerializer.SerializeAsync(content, reading, Json, cancellationToken);
        content.Position = 0;
        await storage.Readings.GetBlobClient(NameFor(reportBlobName)).UploadAsync(content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken);
    }

    public async Task<ReportReading?> FindAsync(string reportBlobName, CancellationToken cancellationToken)
    {
        // One GET, not "exists, then a ranged read": a reading rewritten by a check running at the same moment (a
        // recheck beside the trigger) or removed by the purge in between must give one whole version or none, not a 412.
        try
        {
            var download = await storage.Readings.GetBlobClient(NameFor(reportBlobName)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var content = download.Value.Content;
            return await JsonSerializer.DeserializeAsync<ReportReading>(content, Json, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private static string NameFor(string reportBlobName) => reportBlobName + ".json";
}
