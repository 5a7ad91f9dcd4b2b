using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PacSubmissions.Storage;

namespace PacSubmissions.Audit;

/// <summary>
/// One thing HQ did, on the dashboard or with <c>pac</c>: who (the signed-in person, or <c>pac</c> and the OS user), when,
/// to which centre (empty for a whole campaign), what, and the detail (a deadline, a version).
/// </summary>
public sealed record AuditEntry(int Year, string Centre, string Action, string Detail, string Who, DateTimeOffset At);

/// <summary>
/// Every operation HQ runs (each feature's operations write one entry each, whether the dashboard or <c>pac</c> called
/// them), in Table storage under a partition per campaign year. Row keys count down from the far
/// future, so a plain query returns the newest first.
/// </summary>
public sealed partial class AuditLog(PacStorage storage, TimeProvider clock, ILogger<AuditLog> logger)
{
    private TableClient Table => storage.Table(PacStorage.AuditTable);

    public async Task<AuditEntry> RecordAsync(int year, string centre, string action, string detail, string who, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry(year, centre, action, detail, who, clock.GetUtcNow());
        var row = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        await Table.AddEntityAsync(new AuditRow
        {
            PartitionKey = Partition(year), RowKey = row, Centre = centre, Action = action, Detail = detail, Who = who, At = entry.At,
        }, cancellationToken);
        LogRecorded(logger, action, centre, year, who);
        return entry;
    }

    /// <summary>A year's entries, newest first; only one centre's when <paramref name="centre"/> is given.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int year, string? centre, CancellationToken cancellationToken)
    {
        var partition = Partition(year);
        var entries = new List<AuditEntry>();
        await foreach (var row in Table.QueryAsync<AuditRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            var entry = new AuditEntry(year, row.Centre ?? "", row.Action ?? "", row.Detail ?? "", row.Who ?? "", row.At ?? row.Timestamp ?? DateTimeOffset.MinValue);
            if (centre is null || string.Equals(entry.Centre, centre, StringComparison.Ordinal))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HQ operation {Action} on '{Centre}' ({Year}) by {Who}")]
    private static partial void LogRecorded(ILogger logger, string action, string centre, int year, string who);

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>An audit entry as the audit table keeps it.</summary>
    private sealed record AuditRow : TableRow
    {
        public string? Centre { get; set; }

        public string? Action { get; set; }

        public string? Detail { get; set; }

        public string? Who { get; set; }

        public DateTimeOffset? At { get; set; }
    }
}
