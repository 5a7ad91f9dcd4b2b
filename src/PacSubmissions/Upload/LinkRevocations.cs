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
    private const string RevokedAtProperty = "RevokedAt";

    private TableClient Table => storage.Table(PacStorage.CentresTable);

    public async Task<DateTimeOffset> RevokeAsync(string centreId, CancellationToken cancellationToken)
    {
        // Links carry their issue time in whole milliseconds: a revocation kept finer would kill the new link that
        // `pac link --revoke` prints in the same millisecond.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await Table.UpsertEntityAsync(new TableEntity(Partition, centreId) { [RevokedAtProperty] = now }, TableUpdateMode.Replace, cancellationToken);
        return now;
    }

    public async Task<bool> IsRevokedAsync(UploadLink link, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, link.CentreId, cancellationToken: cancellationToken);
        return response.HasValue
            && response.Value!.GetDateTimeOffset(RevokedAtProperty) is { } revokedAt
            && link.IssuedAt < revokedAt;
    }
}
