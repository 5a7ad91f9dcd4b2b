using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>
/// The per-link limits on uploads (<see cref="UploadOptions.UploadsPerHour"/>, <see cref="UploadOptions.MaxCampaignBytes"/>),
/// asked before a body is stored. Counted per centre and campaign in the centres table, under a partition of its own,
/// with optimistic concurrency (the row's ETag), so several hosts taking uploads at once cannot both take the last
/// place. The bytes a centre keeps are those of its committed versions in the reports container (deleting a version
/// frees its room), plus what uploads in progress have reserved: two large uploads arriving together cannot both fit
/// into the room that is left for one.
/// </summary>
public sealed class UploadLimits(PacStorage storage, IOptions<UploadOptions> options, TimeProvider clock)
{
    private const string Partition = "upload-limits";

    /// <summary>The span <see cref="UploadOptions.UploadsPerHour"/> counts over.</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// A reservation still there after this long belongs to an upload whose host died before it could release it: it no
    /// longer counts. Longer than any upload may take (the stall tolerance allows a slow one, never an hour).
    /// </summary>
    public static readonly TimeSpan ReservationLifetime = TimeSpan.FromHours(1);

    /// <summary>Tries of the read-then-write before the answer is "storage is busy" (many uploads of one centre at the same instant).</summary>
    private const int Attempts = 8;

    private TableClient Table => storage.Table(PacStorage.CentresTable);

    /// <summary>
    /// Both limits as they stand, taking nothing: the resumable upload's first block, so that an upload the commit would
    /// refuse stages nothing.
    /// </summary>
    public async Task<LimitRefusal?> CheckAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        var stored = await StoredBytesAsync(upload, cancellationToken);
        var found = await Table.GetEntityIfExistsAsync<LimitRow>(Partition, RowKey(upload), cancellationToken: cancellationToken);
        var (uploads, reservations) = found.HasValue ? Read(found.Value!, clock.GetUtcNow()) : ([], []);
        return Refusal(uploads, reservations, stored, 0, clock.GetUtcNow());
    }

    /// <summary>
    /// Counts one upload against the hour and reserves <paramref name="declaredBytes"/> (the request's length, or the
    /// commit's size) under <paramref name="reservationId"/> until <see cref="ReleaseAsync"/>; or the refusal, having
    /// taken nothing. An allowance says how many bytes the upload may still store, for a body whose length is not known.
    /// </summary>
    public async Task<UploadAllowance> TakeAsync(UploadContext upload, string reservationId, long declaredBytes, CancellationToken cancellationToken)
    {
        var stored = await StoredBytesAsync(upload, cancellationToken);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var found = await Table.GetEntityIfExistsAsync<LimitRow>(Partition, RowKey(upload), cancellationToken: cancellationToken);
            var row = found.HasValue ? found.Value! : new LimitRow { PartitionKey = Partition, RowKey = RowKey(upload) };
            var (uploads, reservations) = Read(row, now);
            if (Refusal(uploads, reservations, stored, declaredBytes, now) is { } refusal)
            {
                return new UploadAllowance(refusal, 0);
            }

            var remaining = options.Value.MaxCampaignBytes - stored - reservations.Sum(r => r.Bytes);
            uploads.Add(now);
            reservations.RemoveAll(r => r.Id == reservationId);
            reservations.Add(new Reservation(reservationId, declaredBytes, now));
            Write(row, uploads, reservations);
            try
            {
                if (found.HasValue)
                {
                    await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(row, cancellationToken);
                }

                return new UploadAllowance(null, remaining);
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another upload of this centre wrote the row between our read and write: read it again.
            }
        }

        return new UploadAllowance(new LimitRefusal(LimitKind.Busy, null), 0);
    }

    /// <summary>
    /// Ends the reservation of an upload stored or refused: its bytes now count as a committed version, or not at all.
    /// A release that fails leaves the reservation to lapse after <see cref="ReservationLifetime"/>.
    /// </summary>
    public async Task ReleaseAsync(UploadContext upload, string reservationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<LimitRow>(Partition, RowKey(upload), cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return;
            }

            var row = found.Value!;
            var (uploads, reservations) = Read(row, clock.GetUtcNow());
            if (reservations.RemoveAll(r => r.Id == reservationId) == 0)
            {
                return;
            }

            Write(row, uploads, reservations);
            try
            {
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
            }
        }
    }

    /// <summary>What the committed versions of the centre's campaign take up in the reports container.</summary>
    private async Task<long> StoredBytesAsync(UploadContext upload, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var prefix = SubmissionBlob.CentrePrefix(upload.Campaign.Year, upload.Centre.Id);
        await foreach (var blob in storage.Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            bytes += blob.Properties.ContentLength ?? 0;
        }

        return bytes;
    }

    private LimitRefusal? Refusal(List<DateTimeOffset> uploads, List<Reservation> reservations, long stored, long declaredBytes, DateTimeOffset now)
    {
        var allowed = options.Value.UploadsPerHour;
        if (uploads.Count >= allowed)
        {
            // The hour has room again once enough of its uploads have aged out of it for one more to fit.
            return new LimitRefusal(LimitKind.UploadsPerHour, uploads.Order().ElementAt(uploads.Count - allowed) + Hour);
        }

        var taken = stored + reservations.Sum(r => r.Bytes);
        return taken >= options.Value.MaxCampaignBytes || taken + declaredBytes > options.Value.MaxCampaignBytes
            ? new LimitRefusal(LimitKind.CampaignBytes, null)
            : null;
    }

    private static string RowKey(UploadContext upload) => $"{upload.Campaign.Year.ToString(CultureInfo.InvariantCulture)}-{upload.Centre.Id}";

    /// <summary>The row's uploads of the last hour and its reservations still alive at <paramref name="now"/>.</summary>
    private static (List<DateTimeOffset> Uploads, List<Reservation> Reservations) Read(LimitRow row, DateTimeOffset now)
    {
        var uploads = (row.Uploads ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(ms => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)))
            .Where(at => at > now - Hour)
            .ToList();
        var reservations = (row.Reservations ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(':'))
            .Select(parts => new Reservation(parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture))))
            .Where(r => r.At > now - ReservationLifetime)
            .ToList();
        return (uploads, reservations);
    }

    private static void Write(LimitRow row, List<DateTimeOffset> uploads, List<Reservation> reservations)
    {
        row.Uploads = string.Join(' ', uploads.Select(at => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        row.Reservations = string.Join(' ', reservations.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Id}:{r.Bytes}:{r.At.ToUnixTimeMilliseconds()}")));
    }

    /// <summary>An upload in progress and the bytes it may store (upload ids and submission ids hold no ':' or space).</summary>
    private sealed record Reservation(string Id, long Bytes, DateTimeOffset At);

    /// <summary>
    /// One centre's counts in one campaign: <see cref="Uploads"/> the instants (Unix milliseconds, space-separated) of the
    /// uploads of the last hour, <see cref="Reservations"/> the uploads in progress as <c>id:bytes:ms</c>.
    /// </summary>
    private sealed record LimitRow : TableRow
    {
        public string? Uploads { get; set; }

        public string? Reservations { get; set; }
    }
}

/// <summary>Which limit refused an upload.</summary>
public enum LimitKind
{
    /// <summary><see cref="UploadOptions.UploadsPerHour"/>: answered 429 with Retry-After.</summary>
    UploadsPerHour,

    /// <summary><see cref="UploadOptions.MaxCampaignBytes"/>: answered 413, with HQ's address instead of a time.</summary>
    CampaignBytes,

    /// <summary>Too many uploads of one centre wrote the count at the same instant: answered as storage busy (503).</summary>
    Busy,
}

/// <summary>A refusal by a limit, and (for the hourly one) when the next upload is taken.</summary>
public sealed record LimitRefusal(LimitKind Kind, DateTimeOffset? RetryAt);

/// <summary>What <see cref="UploadLimits.TakeAsync"/> answered: a refusal, or the bytes this upload may still store.</summary>
public sealed record UploadAllowance(LimitRefusal? Refusal, long RemainingBytes);
