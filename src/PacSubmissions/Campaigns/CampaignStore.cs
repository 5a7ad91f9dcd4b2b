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
        var response = await Table.GetEntityIfExistsAsync<CampaignRow>(Partition, Key(year), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToCampaign() : null;
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        await foreach (var row in Table.QueryAsync<CampaignRow>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            campaigns.Add(row.ToCampaign());
        }

        return campaigns;
    }

    public Task SaveAsync(Campaign campaign, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(CampaignRow.From(campaign), TableUpdateMode.Replace, cancellationToken);

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A campaign as the campaigns table keeps it. Columns a row written before they existed lacks read as null.</summary>
    private sealed record CampaignRow : TableRow
    {
        public DateTimeOffset? OpensAt { get; set; }

        public DateTimeOffset? Deadline { get; set; }

        public string? TimeZone { get; set; }

        public int? GraceMinutes { get; set; }

        public DateTimeOffset? LateUploadsCloseAt { get; set; }

        public string? ReminderDays { get; set; }

        public string? LateNoticeDays { get; set; }

        public string? FormVersion { get; set; }

        public static CampaignRow From(Campaign campaign) => new()
        {
            PartitionKey = Partition,
            RowKey = Key(campaign.Year),
            OpensAt = campaign.OpensAt,
            Deadline = campaign.Deadline,
            TimeZone = campaign.TimeZone,
            GraceMinutes = (int)campaign.Grace.TotalMinutes,
            LateUploadsCloseAt = campaign.LateUploadsCloseAt,
            ReminderDays = string.Join(',', campaign.ReminderDays),
            LateNoticeDays = string.Join(',', campaign.LateNoticeDays),
            FormVersion = campaign.FormVersion,
        };

        public Campaign ToCampaign() => new(
            int.Parse(RowKey, CultureInfo.InvariantCulture),
            OpensAt ?? throw Corrupt(nameof(OpensAt)),
            Deadline ?? throw Corrupt(nameof(Deadline)),
            TimeZone ?? Campaign.AnywhereOnEarth,
            TimeSpan.FromMinutes(GraceMinutes ?? 0),
            LateUploadsCloseAt ?? throw Corrupt(nameof(LateUploadsCloseAt)))
        {
            ReminderDays = Days(ReminderDays, nameof(ReminderDays)) ?? Campaign.DefaultReminderDays,
            LateNoticeDays = Days(LateNoticeDays, nameof(LateNoticeDays)) ?? Campaign.DefaultLateNoticeDays,
            // Campaigns stored before forms were versioned used the 2020 form, the current one then.
            FormVersion = FormVersion ?? Forms.FormDefinitions.CurrentVersion,
        };

        /// <summary>A comma-separated list of whole days; rows written before the setting existed have none, and get the defaults.</summary>
        private int[]? Days(string? text, string column)
        {
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
                        $"Campaign {RowKey} in the {PacStorage.CampaignsTable} table has {column} '{text}': use whole days separated by commas, e.g. 30,14,7,1.");
                }
            }

            return days;
        }

        private InvalidDataException Corrupt(string column) =>
            new($"Campaign {RowKey} in the {PacStorage.CampaignsTable} table has no {column}.");
    }
}
