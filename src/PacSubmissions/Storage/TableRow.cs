using Azure;
using Azure.Data.Tables;

namespace PacSubmissions.Storage;

/// <summary>
/// What every typed table row carries: its keys, and the timestamp and ETag the table service keeps. A store reads and
/// writes its own row type (a record of named, typed columns) instead of a string-keyed <see cref="TableEntity"/>.
/// </summary>
internal abstract record TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
