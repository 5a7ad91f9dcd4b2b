using System.Globalization;
using Azure.Data.Tables;
using PacSubmissions.Storage;

namespace PacSubmissions.Campaigns;

/// <summary>
/// Deadlines HQ has extended for one centre in one campaign. Stored (in UTC) in the campaigns table under a partition
/// per year, apart from the campaign rows themselves.
/// </summary>
public sealed class CentreDeadlines(PacStorage storage)
{
    private TableClient Table => storage.Table(PacStorage.CampaignsTable);

    public async Task<DateTimeOffset?> FindAsync(int year, string centreId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<DeadlineRow>(Partition(year), centreId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.Deadline : null;
    }

    /// <summary>Every extended deadline of a campaign, by centre id.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var partition = Partition(year);
        var extended = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<DeadlineRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (row.Deadline is { } deadline)
            {
                extended[row.RowKey] = deadline;
            }
        }

        return extended;
    }

    public Task ExtendAsync(int year, string centreId, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new DeadlineRow { PartitionKey = Partition(year), RowKey = centreId, Deadline = deadline.ToUniversalTime() },
            TableUpdateMode.Replace, cancellationToken);

    public Task RemoveAsync(int year, string centreId, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(Partition(year), centreId, cancellationToken: cancellationToken);

    private static string Partition(int year) => "deadline-" + year.ToString(CultureInfo.InvariantCulture);

    /// <summary>One centre's extended deadline in one campaign, in UTC.</summary>
    private sealed record DeadlineRow : TableRow
    {
        public DateTimeOffset? Deadline { get; set; }
    }
}
