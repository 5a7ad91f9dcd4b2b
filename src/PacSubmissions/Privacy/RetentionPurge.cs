using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Storage;

namespace PacSubmissions.Privacy;

/// <summary>What the retention purge deletes, or would delete, of one campaign whose retention has ended.</summary>
public sealed record CampaignPurge(int Year, DateTimeOffset ExpiredAt, int ReportFiles, int Readings, int SubmissionRows, int Emails, int AuditDetails)
{
    public bool IsEmpty => ReportFiles + Readings + SubmissionRows + Emails + AuditDetails == 0;

    /// <summary>The counts as HQ reads them, in <c>pac purge</c>'s lines and the purge's audit entry.</summary>
    public string Counts => string.Create(CultureInfo.InvariantCulture,
        $"{ReportFiles} report files, {Readings} readings, {SubmissionRows} submission rows, {Emails} e-mails, {AuditDetails} audit entries' details");
}

/// <summary>
/// Deletes what a campaign holds about people once <see cref="PrivacyOptions.RetentionYears"/> have passed since its late
/// uploads closed: every report file (each version of it), every reading, the submission rows, the e-mail ledger's rows,
/// and the detail and "who" of its audit entries (that an action happened, on which centre and when, stays). The campaign
/// row itself stays, so the year is still known. A campaign still open or inside its retention is never touched.
/// <para>
/// Every delete is of one blob or one row, so nothing is ever half-written; a purge cut off half-way leaves a part of the
/// campaign, which the next run (the daily timer, or <c>pac purge --apply</c> again) finds and finishes.
/// </para>
/// </summary>
public sealed partial class RetentionPurge(
    PacStorage storage,
    CampaignStore campaigns,
    AuditLog audit,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionPurge> logger)
{
    public const string AuditAction = "purge";

    /// <summary>Who the daily timer's purges are recorded as.</summary>
    public const string TimerOperator = "timer";

    /// <summary>What a purge now would delete: each campaign past its retention that still holds something. Changes nothing.</summary>
    public Task<IReadOnlyList<CampaignPurge>> PlanAsync(CancellationToken cancellationToken) => RunAsync(null, cancellationToken);

    /// <summary>Deletes what <see cref="PlanAsync"/> lists, recording one audit entry per campaign with the counts and <paramref name="who"/>.</summary>
    public Task<IReadOnlyList<CampaignPurge>> ApplyAsync(string who, CancellationToken cancellationToken) => RunAsync(who, cancellationToken);

    private async Task<IReadOnlyList<CampaignPurge>> RunAsync(string? applyingAs, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var purges = new List<CampaignPurge>();
        foreach (var campaign in (await campaigns.ListAsync(cancellationToken)).OrderBy(c => c.Year))
        {
            var expiredAt = options.Value.ExpiresAt(campaign);
            if (now < expiredAt)
            {
                continue;
            }

            var purge = await PurgeAsync(campaign.Year, expiredAt, apply: applyingAs is not null, cancellationToken);
            if (purge.IsEmpty)
            {
                continue;
            }

            if (applyingAs is { } who)
            {
                await audit.RecordAsync(campaign.Year, "", AuditAction, string.Create(CultureInfo.InvariantCulture,
                    $"retention of {options.Value.RetentionYears} years ended {expiredAt:yyyy-MM-dd}: deleted {purge.Counts}"), who, cancellationToken);
                LogPurged(logger, campaign.Year, purge.Counts, who);
            }

            purges.Add(purge);
        }

        return purges;
    }

    private async Task<CampaignPurge> PurgeAsync(int year, DateTimeOffset expiredAt, bool apply, CancellationToken cancellationToken)
    {
        var partition = year.ToString(CultureInfo.InvariantCulture);
        var prefix = partition + "/";
        // Files before rows: cut off in between, the dashboard still lists the versions (their files gone) and the next run
        // finds the rows, rather than files no row names.
        var readings = await DeleteBlobsAsync(storage.Readings, prefix, apply, cancellationToken);
        var files = await DeleteBlobsAsync(storage.Reports, prefix, apply, cancellationToken)
            + await DeleteBlobsAsync(storage.Incoming, prefix, apply, cancellationToken);
        var rows = await DeleteRowsAsync(storage.Table(PacStorage.SubmissionsTable), partition, apply, cancellationToken);
        var emails = await DeleteRowsAsync(storage.Table(PacStorage.EmailsTable), partition, apply, cancellationToken);
        // The SendGrid events recorded on those e-mails (ids, states, times; no address) go with them.
        await DeleteRowsAsync(storage.Table(PacStorage.EmailEventsTable), partition, apply, cancellationToken);
        // Entries written after the retention ended are the purges' own (and a person's request's): kept whole.
        var details = await audit.RemoveDetailsAsync(year, expiredAt, apply, cancellationToken);
        return new CampaignPurge(year, expiredAt, files, readings, rows, emails, details);
    }

    /// <summary>
    /// The files under <paramref name="prefix"/>, counted once each; deleted with every earlier version (the storage account
    /// keeps versions, docs/deploy.md) and snapshot. Soft delete still holds a deleted blob for its 30 days.
    /// </summary>
    private static async Task<int> DeleteBlobsAsync(BlobContainerClient container, string prefix, bool apply, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.Version, prefix, cancellationToken))
        {
            names.Add(blob.Name);
            if (!apply)
            {
                continue;
            }

            var client = container.GetBlobClient(blob.Name);
            if (blob.VersionId is null || blob.IsLatestVersion == true)
            {
                await client.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }

            // Deleting the current blob turns it into a previous version under the same id: that goes too.
            if (blob.VersionId is { } version)
            {
                await DeleteVersionAsync(client.WithVersion(version), cancellationToken);
            }
        }

        return names.Count;
    }

    private static async Task DeleteVersionAsync(BlobClient version, CancellationToken cancellationToken)
    {
        try
        {
            await version.DeleteAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Gone already: a purge cut off before, or another run.
        }
    }

    private static async Task<int> DeleteRowsAsync(TableClient table, string partition, bool apply, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in table.QueryAsync<KeyRow>(e => e.PartitionKey == partition,
            select: [nameof(KeyRow.PartitionKey), nameof(KeyRow.RowKey)], cancellationToken: cancellationToken))
        {
            count++;
            if (apply)
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }
        }

        return count;
    }

    /// <summary>Only a row's keys: all a delete needs, whatever table it is of.</summary>
    private sealed record KeyRow : TableRow;

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge of campaign {Year} by {Who}: deleted {Counts}")]
    private static partial void LogPurged(ILogger logger, int year, string counts, string who);
}
