using Azure.Data.Tables;
using PacSubmissions.Storage;

namespace PacSubmissions.Centres;

public sealed class CentreRegister(PacStorage storage)
{
    private const string Partition = "centre";

    private TableClient Table => storage.Table(PacStorage.CentresTable);

    public async Task<Centre?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!CentreId.IsValid(id))
        {
            return null;
        }

        var response = await Table.GetEntityIfExistsAsync<CentreRow>(Partition, id, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToCentre() : null;
    }

    public async Task<IReadOnlyList<Centre>> ListAsync(CancellationToken cancellationToken)
    {
        var centres = new List<Centre>();
        await foreach (var row in Table.QueryAsync<CentreRow>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            centres.Add(row.ToCentre());
        }

        return centres;
    }

    public Task SaveAsync(Centre centre, CancellationToken cancellationToken)
    {
        EnsureValidId(centre);
        return Table.UpsertEntityAsync(CentreRow.From(centre, Partition), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Creates or updates many centres, a hundred per transaction (all in one partition), so a batch lands whole or not at all.</summary>
    public async Task SaveAllAsync(IReadOnlyList<Centre> centres, CancellationToken cancellationToken)
    {
        foreach (var centre in centres)
        {
            EnsureValidId(centre);
        }

        foreach (var chunk in centres.Chunk(100))
        {
            await Table.SubmitTransactionAsync(
                chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CentreRow.From(c, Partition))), cancellationToken);
        }
    }

    private static void EnsureValidId(Centre centre)
    {
        if (CentreId.Problem(centre.Id) is { } problem)
        {
            throw new ArgumentException(problem, nameof(centre));
        }
    }
}
