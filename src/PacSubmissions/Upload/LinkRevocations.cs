using Azure.Data.Tables;
using PacSubmissions.Storage;

namespace PacSubmissions.Upload;

/// <summary>
/// Revokes one centre's links without touching anyone else's: every link of that centre issued before the revocation
/// stops working, and a link issued afterwards works. Kept in the centres table under its own partition.
/// </summary>
public sealed class LinkRevocations(PacStorage storage, TimeProvider clock)
{
    private const string Partition = "link-revocation";

    private TableClient Table => storage.Table(PacStorage.CentresTable);

    public async Task<DateTimeOffset> RevokeAsync(string centreId, CancellationToken cancellationToken)
    {
        // Links carry their issue time in whole milliseconds: a revocation kept finer would kill the new link that
        // `pac link --revoke` prints in the same millisecond.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await Table.UpsertEntityAsync(new RevocationRow { PartitionKey = Partition, RowKey = centreId, RevokedAt = now }, TableUpdateMode.Replace, cancellationToken);
        return now;
    }

    public async Task<bool> IsRevokedAsync(UploadLink link, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<RevocationRow>(Partition, link.CentreId, cancellationToken: cancellationToken);
        return response.HasValue
            && response.Value!.RevokedAt is { } revokedAt
            && link.IssuedAt < revokedAt;
    }

    /// <summary>When a centre's links were last revoked: every link issued before then is dead.</summary>
    private sealed record RevocationRow : TableRow
    {
        public DateTimeOffset? RevokedAt { get; set; }
    }
}
