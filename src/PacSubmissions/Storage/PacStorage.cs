using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace PacSubmissions.Storage;

/// <summary>Names every container and table the system uses, in one place.</summary>
public sealed class PacStorage(BlobServiceClient blobs, TableServiceClient tables, IOptions<StorageOptions> options, IOptions<TriggerOptions> triggers)
{
    public const string SubmissionsTable = "submissions";
    public const string CentresTable = "centres";
    public const string CampaignsTable = "campaigns";
    public const string EmailsTable = "emails";
    public const string AuditTable = "audit";

    /// <summary>Each SendGrid event recorded (by its <c>sg_event_id</c>), so an event SendGrid posts again is recorded once.</summary>
    public const string EmailEventsTable = "emailevents";

    /// <summary>Every table the system keeps (each with the deployment's prefix): what `pac backup` copies.</summary>
    public static readonly IReadOnlyList<string> AllTables = [SubmissionsTable, CentresTable, CampaignsTable, EmailsTable, AuditTable, EmailEventsTable];

    public BlobContainerClient Reports => blobs.GetBlobContainerClient(triggers.Value.ReportsContainer);

    /// <summary>The full reading of each report, as JSON; a container of its own so the blob trigger never sees it.</summary>
    public BlobContainerClient Readings => blobs.GetBlobContainerClient(triggers.Value.ReportsContainer + "-readings");

    /// <summary>
    /// The blocks of resumable uploads while they arrive (<c>year/centre/uploadId</c>), each assembled here before it is fed
    /// into <see cref="Reports"/> with the upload's checks; a container of its own so the blob trigger never sees it.
    /// </summary>
    public BlobContainerClient Incoming => blobs.GetBlobContainerClient(triggers.Value.ReportsContainer + "-incoming");

    public TableClient Table(string name) => tables.GetTableClient(options.Value.TablePrefix + name);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Readings.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Incoming.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var table in AllTables)
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
