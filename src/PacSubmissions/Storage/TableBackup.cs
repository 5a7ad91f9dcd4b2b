using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PacSubmissions.Storage;

/// <summary>What one backup holds: when it was taken and how many rows of each table.</summary>
public sealed record TableBackupManifest(DateTimeOffset TakenAt, IReadOnlyDictionary<string, int> Rows);

/// <summary>
/// Copies every table to a blob container and back (<c>pac backup</c>, <c>pac restore</c>). Table storage has no
/// point-in-time restore of its own, so this is the backup: one folder per backup, <c>backup-yyyyMMddTHHmmssZ/</c>, with a
/// JSON-lines file per table (each property with its Entity Data Model type, so a restored row is the row that was
/// saved) and, written last, <c>manifest.json</c> with the row counts. A backup without its manifest is incomplete and
/// is never restored; a restore writes every row back (replacing a row of the same keys) and adds nothing else.
/// </summary>
public sealed class TableBackup(PacStorage storage, BlobServiceClient blobs, TimeProvider clock)
{
    public const string ManifestName = "manifest.json";
    private const string TypeSuffix = "@type";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public async Task<string> BackUpAsync(string container, CancellationToken cancellationToken)
    {
        var target = blobs.GetBlobContainerClient(container);
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var takenAt = clock.GetUtcNow();
        var name = "backup-" + takenAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in PacStorage.AllTables)
        {
            var blob = target.GetBlobClient($"{name}/{table}.jsonl");
            await using var output = await blob.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
            await using var writer = new StreamWriter(output, new UTF8Encoding(false));
            var count = 0;
            await foreach (var entity in ReadAllAsync(storage.Table(table), cancellationToken))
            {
                await writer.WriteLineAsync(Serialize(entity).AsMemory(), cancellationToken);
                count++;
            }

            rows[table] = count;
        }

        var manifest = BinaryData.FromObjectAsJson(new TableBackupManifest(takenAt, rows), Json);
        await target.GetBlobClient($"{name}/{ManifestName}").UploadAsync(manifest, overwrite: false, cancellationToken);
        return name;
    }

    /// <summary>Writes a complete backup's rows back; refuses (changing nothing) one with no manifest or a short table file.</summary>
    public async Task<TableBackupManifest> RestoreAsync(string container, string backup, CancellationToken cancellationToken)
    {
        var source = blobs.GetBlobContainerClient(container);
        var manifest = await ReadManifestAsync(source, backup, cancellationToken);
        var tables = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        foreach (var (table, expected) in manifest.Rows)
        {
            if (!PacStorage.AllTables.Contains(table, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"Backup {backup} holds table '{table}', which this version does not know: restore it with the version that made it.");
            }

            var entities = await ReadTableFileAsync(source.GetBlobClient($"{backup}/{table}.jsonl"), cancellationToken);
            tables[table] = entities.Count == expected
                ? entities
                : throw new InvalidDataException($"Backup {backup}'s {table}.jsonl has {entities.Count} rows where its manifest says {expected}: it is damaged, so nothing was restored.");
        }

        // Everything is read and checked before the first row is written.
        foreach (var (table, entities) in tables)
        {
            var client = storage.Table(table);
            await client.CreateIfNotExistsAsync(cancellationToken);
            foreach (var entity in entities)
            {
                await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            }
        }

        return manifest;
    }

    private static async Task<TableBackupManifest> ReadManifestAsync(BlobContainerClient source, string backup, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await source.GetBlobClient($"{backup}/{ManifestName}").DownloadContentAsync(cancellationToken)).Value.Content;
            return content.ToObjectFromJson<TableBackupManifest>(Json)
                ?? throw new InvalidDataException($"Backup {backup}'s manifest is empty.");
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            throw new InvalidDataException(
                $"No complete backup '{backup}' in container '{source.Name}' (its {ManifestName} is missing: it does not exist, or it was cut off while being taken).", exception);
        }
    }

    private static async IAsyncEnumerable<TableEntity> ReadAllAsync(TableClient table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = table.QueryAsync<TableEntity>(cancellationToken: cancellationToken);
        await using var rows = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // A table the app has not made yet holds nothing to back up.
                yield break;
            }

            yield return rows.Current;
        }
    }

    private static async Task<List<TableEntity>> ReadTableFileAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var entities = new List<TableEntity>();
        await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        using var reader = new StreamReader(content, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                entities.Add(Deserialize(line));
            }
        }

        return entities;
    }

    /// <summary>One row as a JSON object: each property, and beside it <c>Name@type</c> with its Entity Data Model type.</summary>
    internal static string Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in entity.Where(p => p.Key is not ("odata.etag" or "Timestamp")))
            {
                switch (value)
                {
                    case null: continue;
                    case string text: json.WriteString(key, text); break;
                    case bool flag: json.WriteBoolean(key, flag); Typed(json, key, "Edm.Boolean"); break;
                    case int number: json.WriteNumber(key, number); Typed(json, key, "Edm.Int32"); break;
                    case long number: json.WriteString(key, number.ToString(CultureInfo.InvariantCulture)); Typed(json, key, "Edm.Int64"); break;
                    case double number: json.WriteString(key, number.ToString("R", CultureInfo.InvariantCulture)); Typed(json, key, "Edm.Double"); break;
                    case DateTimeOffset time: json.WriteString(key, time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); Typed(json, key, "Edm.DateTime"); break;
                    case DateTime time: json.WriteString(key, time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)); Typed(json, key, "Edm.DateTime"); break;
                    case Guid guid: json.WriteString(key, guid); Typed(json, key, "Edm.Guid"); break;
                    case byte[] bytes: json.WriteBase64String(key, bytes); Typed(json, key, "Edm.Binary"); break;
                    case BinaryData data: json.WriteBase64String(key, data.ToArray()); Typed(json, key, "Edm.Binary"); break;
                    default: throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has property {key} of type {value.GetType().Name}, which a backup cannot keep.");
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static TableEntity Deserialize(string line)
    {
        using var document = JsonDocument.Parse(line);
        var entity = new TableEntity();
        var root = document.RootElement;
        foreach (var property in root.EnumerateObject().Where(p => !p.Name.EndsWith(TypeSuffix, StringComparison.Ordinal)))
        {
            var type = root.TryGetProperty(property.Name + TypeSuffix, out var t) ? t.GetString() : "Edm.String";
            var value = property.Value;
            entity[property.Name] = type switch
            {
                "Edm.String" => value.GetString(),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.Int32" => value.GetInt32(),
                "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "Edm.Double" => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "Edm.Guid" => value.GetGuid(),
                "Edm.Binary" => value.GetBytesFromBase64(),
                _ => throw new InvalidDataException($"A backup row has property {property.Name} of type {type}, which this version cannot restore."),
            };
        }

        return entity;
    }

    private static void Typed(Utf8JsonWriter json, string key, string type) => json.WriteString(key + TypeSuffix, type);
}
