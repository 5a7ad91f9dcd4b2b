using System.Globalization;
using Azure.Data.Tables;
using PacSubmissions.Storage;

namespace PacSubmissions.Campaigns;

public sealed class CampaignStore(PacStorage storage)
{
    private const string Partition = "campaign";

    private TableClient Table => storage.Table(PacStorage.CampaignsTable);

    public async Task<Campaign?> FindAsync(int year, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(year), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            campaigns.Add(FromEntity(entity));
        }

        return campaigns;
    }

    public Task SaveAsync(Campaign campaign, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(ToEntity(campaign), TableUpdateMode.Replace, cancellationToken);

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(Campaign campaign) => new(Partition, Key(campaign.Year))
    {
        ["OpensAt"] = campaign.OpensAt,
        ["Deadline"] = campaign.Deadline,
        ["TimeZone"] = campaign.TimeZone,
        ["GraceMinutes"] = (int)campaign.Grace.TotalMinutes,
        ["LateUploadsCloseAt"] = campaign.LateUploadsCloseAt,
        ["ReminderDays"] = string.Join(',', campaign.ReminderDays),
        ["LateNoticeDays"] = string.Join(',', campaign.LateNoticeDays),
        ["FormVersion"] = campaign.FormVersion,
    };

    private static Campaign FromEntity(TableEntity entity) => new(
        int.Parse(entity.RowKey, CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("OpensAt") ?? throw Corrupt(entity, "OpensAt"),
        entity.GetDateTimeOffset("Deadline") ?? throw Corrupt(entity, "Deadline"),
        entity.GetString("TimeZone") ?? Campaign.AnywhereOnEarth,
        TimeSpan.FromMinutes(entity.GetInt32("GraceMinutes") ?? 0),
        entity.GetDateTimeOffset("LateUploadsCloseAt") ?? throw Corrupt(entity, "LateUploadsCloseAt"))
    {
        ReminderDays = Days(entity, "ReminderDays") ?? Campaign.DefaultReminderDays,
        LateNoticeDays = Days(entity, "LateNoticeDays") ?? Campaign.DefaultLateNoticeDays,
        // Campaigns stored before forms were versioned used the 2020 form, the current one then.
        FormVersion = entity.GetString("FormVersion") ?? Forms.FormDefinitions.CurrentVersion,
    };

    /// <summary>A comma-separated list of whole days; rows written before the setting existed have none, and get the defaults.</summary>
    private static int[]? Days(TableEntity entity, string property)
    {
        var text = entity.GetString(property);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var days = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out days[i]))
            {
                throw new InvalidDataException(
                    $"Campaign {entity.RowKey} in the {PacStorage.CampaignsTable} table has {property} '{text}': use whole days separated by commas, e.g. 30,14,7,1.");
            }
        }

        return days;
    }

    private static InvalidDataException Corrupt(TableEntity entity, string property) =>
        new($"Campaign {entity.RowKey} in the {PacStorage.CampaignsTable} table has no {property}.");
}
