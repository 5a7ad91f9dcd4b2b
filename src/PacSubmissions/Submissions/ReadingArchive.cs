using System.Text.Json;
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
        var blob = storage.Readings.GetBlobClient(NameFor(reportBlobName));
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        return await JsonSerializer.DeserializeAsync<ReportReading>(content, Json, cancellationToken);
    }

    private static string NameFor(string reportBlobName) => reportBlobName + ".json";
}
