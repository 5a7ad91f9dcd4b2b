using System.Globalization;
using Azure;
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
            var entry = Entry(year, row);
            if (centre is null || string.Equals(entry.Centre, centre, StringComparison.Ordinal))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>What a purged entry says instead of its detail and who (docs/privacy.md): that it happened, to which centre and when, stays.</summary>
    public const string RemovedDetail = "(details removed after the retention period)";

    public const string RemovedWho = "(removed)";

    /// <summary>
    /// How many of the year's entries written before <paramref name="before"/> still carry their detail and who; with
    /// <paramref name="apply"/>, replaces both (each entry in one write, so a purge cut off half-way is simply run again).
    /// </summary>
    public async Task<int> RemoveDetailsAsync(int year, DateTimeOffset before, bool apply, CancellationToken cancellationToken)
    {
        var partition = Partition(year);
        var count = 0;
        await foreach (var row in Table.QueryAsync<AuditRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (row.DetailsRemoved == true || (row.At ?? row.Timestamp) >= before)
            {
                continue;
            }

            count++;
            if (apply)
            {
                row.Detail = RemovedDetail;
                row.Who = RemovedWho;
                row.DetailsRemoved = true;
                await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
            }
        }

        return count;
    }

    /// <summary>Every entry of every year whose detail or who contains one of <paramref name="texts"/>, ignoring case.</summary>
    public async Task<IReadOnlyList<AuditEntry>> MentioningAsync(IReadOnlyCollection<string> texts, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var row in RowsMentioningAsync(texts, cancellationToken))
        {
            entries.Add(Entry(int.Parse(row.PartitionKey, CultureInfo.InvariantCulture), row));
        }

        return entries;
    }

    /// <summary>Replaces each of <paramref name="texts"/> (ignoring case) in the detail and who of every entry that names one; how many entries changed.</summary>
    public async Task<int> ReplaceAsync(IReadOnlyCollection<string> texts, string replacement, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in RowsMentioningAsync(texts, cancellationToken))
        {
            row.Detail = ReplaceAll(row.Detail, texts, replacement);
            row.Who = ReplaceAll(row.Who, texts, replacement);
            await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
            count++;
        }

        return count;
    }

    private async IAsyncEnumerable<AuditRow> RowsMentioningAsync(IReadOnlyCollection<string> texts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<AuditRow>(cancellationToken: cancellationToken))
        {
            if (texts.Any(t => Mentions(row.Detail, t) || Mentions(row.Who, t)))
            {
                yield return row;
            }
        }
    }

    private static bool Mentions(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) == true;

    private static string? ReplaceAll(string? text, IReadOnlyCollection<string> parts, string replacement) =>
        text is null ? null : parts.Aggregate(text, (current, part) => current.Replace(part, replacement, StringComparison.OrdinalIgnoreCase));

    private static AuditEntry Entry(int year, AuditRow row) =>
        new(year, row.Centre ?? "", row.Action ?? "", row.Detail ?? "", row.Who ?? "", row.At ?? row.Timestamp ?? DateTimeOffset.MinValue);

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

        /// <summary>True once the retention purge has removed the entry's detail and who (<see cref="RemoveDetailsAsync"/>).</summary>
        public bool? DetailsRemoved { get; set; }
    }
}
