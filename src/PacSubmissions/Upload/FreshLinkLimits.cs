using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PacSubmissions.Storage;

namespace PacSubmissions.Upload;

/// <summary>
/// The rate limits on fresh links asked for on a dead link's page: one link per centre, and
/// <see cref="RequestsPerClient"/> requests per client address, in each <see cref="LinkOptions.FreshLinkInterval"/>.
/// Counted in the centres table under partitions of their own, with optimistic concurrency, so two hosts answering at
/// once cannot both take the last place.
/// </summary>
public sealed class FreshLinkLimits(PacStorage storage, IOptions<LinkOptions> options, TimeProvider clock)
{
    /// <summary>Enough for a coordinator with a few old links and a retry or two; too few to walk through guessed links.</summary>
    public const int RequestsPerClient = 10;

    private const string CentrePartition = "fresh-link-centre";
    private const string ClientPartition = "fresh-link-client";

    private TableClient Table => storage.Table(PacStorage.CentresTable);

    /// <summary>Takes the centre's one fresh link of this span: false when one was sent already.</summary>
    public Task<bool> TryTakeCentreAsync(string centreId, CancellationToken cancellationToken) =>
        TryTakeAsync(CentrePartition, centreId, 1, cancellationToken);

    /// <summary>Counts one request from the client address: false once it has asked <see cref="RequestsPerClient"/> times in this span.</summary>
    public Task<bool> TryTakeClientAsync(string clientAddress, CancellationToken cancellationToken) =>
        TryTakeAsync(ClientPartition, clientAddress, RequestsPerClient, cancellationToken);

    private async Task<bool> TryTakeAsync(string partition, string key, int allowed, CancellationToken cancellationToken)
    {
        // Another request took or reset the row between our read and write: read again. A few tries are plenty for
        // one centre or client; if they all lose, the answer is "no", the safe side of a limit.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = clock.GetUtcNow();
            var found = await Table.GetEntityIfExistsAsync<LimitRow>(partition, key, cancellationToken: cancellationToken);
            try
            {
                if (!found.HasValue)
                {
                    await Table.AddEntityAsync(new LimitRow { PartitionKey = partition, RowKey = key, WindowStart = now, Count = 1 }, cancellationToken);
                    return true;
                }

                var row = found.Value!;
                if (row.WindowStart is not { } start || now >= start + options.Value.FreshLinkInterval)
                {
                    row.WindowStart = now;
                    row.Count = 1;
                }
                else if ((row.Count ?? 0) >= allowed)
                {
                    return false;
                }
                else
                {
                    row.Count = (row.Count ?? 0) + 1;
                }

                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
            }
        }

        return false;
    }

    /// <summary>How many were taken since the span began.</summary>
    private sealed record LimitRow : TableRow
    {
        public DateTimeOffset? WindowStart { get; set; }

        public int? Count { get; set; }
    }
}
