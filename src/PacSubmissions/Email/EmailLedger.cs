using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Storage;

namespace PacSubmissions.Email;

/// <summary>Where an e-mail's key stands in the ledger; stored as <c>sending</c>, <c>sent</c>, <c>failed</c>, <c>failed-permanently</c>.</summary>
public enum EmailStatus
{
    /// <summary>Claimed by a run that is sending it now, or died while it did (see <see cref="EmailOptions.ClaimTimeout"/>).</summary>
    Sending,
    Sent,

    /// <summary>Failed for now (429, 5xx, timeout): the key is free to be claimed again by the next run.</summary>
    Failed,

    /// <summary>Refused for good (400, 401, 403): never retried; HQ sees it in the digests.</summary>
    FailedPermanently,
}

public enum EmailOutcome
{
    Sent,
    /// <summary>Sent before, or refused for good (the ledger shows which).</summary>
    AlreadyHandled,
    /// <summary>Another run holds a fresh claim on the key and is sending it now.</summary>
    InFlight,
}

/// <summary>
/// The record of every e-mail, keyed by <see cref="EmailKey"/>: claiming the key in Table storage before sending is
/// what stops a second send under retries, overlapping runs or duplicate triggers.
/// <para>
/// If the process dies after the provider accepted an e-mail but before the ledger recorded it, the claim stays
/// "sending"; once it is older than <see cref="EmailOptions.ClaimTimeout"/> the next attempt sends again. That one case is
/// at-least-once, by choice: a rare duplicate beats a lost reminder.
/// </para>
/// </summary>
public sealed partial class EmailLedger(
    PacStorage storage,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailLedger> logger)
{
    public TimeSpan ClaimTimeout => options.Value.ClaimTimeout;

    private TableClient Table => storage.Table(PacStorage.EmailsTable);

    public async Task<EmailOutcome> SendOnceAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(message, cancellationToken);
        if (claim.Outcome is { } skipped)
        {
            return skipped;
        }

        var row = claim.Row!;
        try
        {
            var messageId = await sender.SendAsync(message, cancellationToken);
            row.SetStatus(EmailStatus.Sent);
            row.SentAt = clock.GetUtcNow();
            row.MessageId = messageId;
            row.LastError = null;
            if (!await RecordAsync(row, CancellationToken.None))
            {
                // Our claim went stale while we were sending and another run re-claimed it: it sends too (the
                // at-least-once case above) and records its own result, which must not be overwritten.
                LogTakenOver(logger, message.Key, "sent");
            }

            LogSent(logger, message.Key, message.To);
            return EmailOutcome.Sent;
        }
        catch (EmailSendException exception)
        {
            row.SetStatus(exception.Permanent ? EmailStatus.FailedPermanently : EmailStatus.Failed);
            row.LastError = exception.Message;
            row.StatusCode = exception.StatusCode;
            row.FailedAt = clock.GetUtcNow();
            if (!await RecordAsync(row, CancellationToken.None))
            {
                // Another run re-claimed the key after ours went stale; what it records (perhaps "sent") stands, and
                // a "failed" written over it would have the next run send the e-mail again.
                LogTakenOver(logger, message.Key, "failed");
                return EmailOutcome.InFlight;
            }

            LogFailed(logger, exception, message.Key, message.To, exception.Permanent);
            throw;
        }
    }

    /// <summary>Writes a send's result under the claim it was made with; false when the claim is no longer ours.</summary>
    private async Task<bool> RecordAsync(EmailRow claimed, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Table.UpdateEntityAsync(claimed, claimed.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // SendGrid's webhook may report the delivery before we record the send: the row changed, but the claim
                // (its time and attempt) is still ours, so record over it and keep what the webhook wrote.
                var current = (await Table.GetEntityAsync<EmailRow>(claimed.PartitionKey, claimed.RowKey, cancellationToken: cancellationToken)).Value;
                if (current.GetStatus() != EmailStatus.Sending || current.ClaimedAt != claimed.ClaimedAt || current.Attempts != claimed.Attempts)
                {
                    return false;
                }

                claimed.CopyDeliveryFrom(current);
                claimed.ETag = current.ETag;
            }
        }
    }

    /// <summary>
    /// Records what SendGrid's Event Webhook said of the e-mail with <paramref name="key"/>, unless the ledger already holds
    /// a later outcome (<see cref="EmailDelivery.Supersedes"/>). Null when the ledger has no such e-mail (one it did not send).
    /// </summary>
    public async Task<EmailRecord?> RecordDeliveryAsync(EmailKey key, EmailDelivery delivery, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = Keys(key);
        while (true)
        {
            var found = await Table.GetEntityIfExistsAsync<EmailRow>(partition, rowKey, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value is not { } row)
            {
                return null;
            }

            if (!delivery.Supersedes(row.GetDelivery()))
            {
                return Record(row);
            }

            row.SetDelivery(delivery);
            try
            {
                // The ETag makes it safe against a send being recorded, or another event, at the same moment: read again and decide again.
                await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return Record(row);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
            }
        }
    }

    private async Task<(EmailOutcome? Outcome, EmailRow? Row)> ClaimAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (partition, rowKey) = Keys(message.Key);
        var claim = new EmailRow
        {
            PartitionKey = partition,
            RowKey = rowKey,
            ClaimedAt = now,
            Attempts = 1,
            To = message.To,
            Subject = message.Subject,
            Kind = message.Key.Kind,
            Centre = message.Key.Centre,
        };
        claim.SetStatus(EmailStatus.Sending);
        try
        {
            var added = await Table.AddEntityAsync(claim, cancellationToken);
            claim.ETag = added.Headers.ETag ?? ETag.All;
            return (null, claim);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Claimed before: decide from what that claim became.
        }

        var existing = (await Table.GetEntityAsync<EmailRow>(partition, rowKey, cancellationToken: cancellationToken)).Value;
        var status = existing.GetStatus();
        if (status is EmailStatus.Sent or EmailStatus.FailedPermanently)
        {
            return (EmailOutcome.AlreadyHandled, null);
        }

        if (status == EmailStatus.Sending && existing.ClaimedAt > now - ClaimTimeout)
        {
            return (EmailOutcome.InFlight, null);
        }

        existing.SetStatus(EmailStatus.Sending);
        existing.ClaimedAt = now;
        existing.Attempts = (existing.Attempts ?? 0) + 1;
        try
        {
            // The ETag makes the re-claim exclusive: of two runs that both saw the stale claim, one wins.
            var updated = await Table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            existing.ETag = updated.Headers.ETag ?? ETag.All;
            return (null, existing);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return (EmailOutcome.InFlight, null);
        }
    }

    /// <summary>Whether the ledger holds the e-mail in any state (claimed, sent or failed): someone has taken it on.</summary>
    public async Task<bool> HoldsAsync(EmailKey key, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(key);
        return (await Table.GetEntityIfExistsAsync<EmailRow>(partition, row, cancellationToken: cancellationToken)).HasValue;
    }

    /// <summary>Every e-mail of a campaign year the ledger holds, in any state: what HQ sees of what was sent or failed.</summary>
    public async Task<IReadOnlyList<EmailRecord>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var records = new List<EmailRecord>();
        var partition = year.ToString(CultureInfo.InvariantCulture);
        await foreach (var row in Table.QueryAsync<EmailRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (Record(row) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>What a forgotten recipient's rows say instead of the address (docs/privacy.md); the key stays, so nothing is sent twice.</summary>
    public const string RemovedRecipient = "(removed)";

    /// <summary>Every e-mail of every year sent, or tried, to <paramref name="address"/> (ignoring case).</summary>
    public async Task<IReadOnlyList<EmailRecord>> ToAddressAsync(string address, CancellationToken cancellationToken)
    {
        var records = new List<EmailRecord>();
        await foreach (var row in RowsToAsync(address, cancellationToken))
        {
            if (Record(row) is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>
    /// Takes <paramref name="address"/> out of every row sent to it (the recipient, and the provider's error where it
    /// repeats it), each row in one write; the rows themselves stay, so the ledger still stops a second send. How many changed.
    /// </summary>
    public async Task<int> ForgetRecipientAsync(string address, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in RowsToAsync(address, cancellationToken))
        {
            row.To = RemovedRecipient;
            row.LastError = row.LastError?.Replace(address, RemovedRecipient, StringComparison.OrdinalIgnoreCase);
            // A bounce's reason often quotes the address ("550 5.1.1 <x@example.org>: Recipient address rejected").
            row.DeliveryReason = row.DeliveryReason?.Replace(address, RemovedRecipient, StringComparison.OrdinalIgnoreCase);
            await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
            count++;
        }

        return count;
    }

    private async IAsyncEnumerable<EmailRow> RowsToAsync(string address, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<EmailRow>(cancellationToken: cancellationToken))
        {
            if (string.Equals(row.To?.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                yield return row;
            }
        }
    }

    /// <summary>A row as HQ reads it; null for a row whose key is not the ledger's (written by hand).</summary>
    private static EmailRecord? Record(EmailRow row)
    {
        var parts = row.RowKey.Split('|', 3);
        if (parts.Length != 3 || !int.TryParse(row.PartitionKey, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        return new EmailRecord(
            new EmailKey(year, parts[0], parts[1], parts[2]),
            row.To ?? "",
            row.Subject ?? "",
            row.GetStatus(),
            row.Attempts ?? 0,
            row.ClaimedAt,
            row.SentAt,
            row.FailedAt,
            row.MessageId,
            row.StatusCode,
            row.LastError,
            row.GetDelivery());
    }

    internal static (string Partition, string Row) Keys(EmailKey key) =>
        (key.Year.ToString(CultureInfo.InvariantCulture), $"{key.Centre}|{key.Kind}|{key.Detail}");

    /// <summary>One e-mail's row in the <c>emails</c> table. Columns a row written before they existed lacks read as null.</summary>
    private sealed record EmailRow : TableRow
    {
        /// <summary>The <see cref="EmailStatus"/> as stored (<see cref="StoredNames"/>); read and written through <see cref="GetStatus"/>.</summary>
        public string? Status { get; set; }

        public DateTimeOffset? ClaimedAt { get; set; }

        public int? Attempts { get; set; }

        public string? To { get; set; }

        public string? Subject { get; set; }

        public string? Kind { get; set; }

        public string? Centre { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public string? MessageId { get; set; }

        public DateTimeOffset? FailedAt { get; set; }

        public int? StatusCode { get; set; }

        public string? LastError { get; set; }

        public EmailStatus GetStatus() => StoredNames.Parse<EmailStatus>(Status, $"E-mail {PartitionKey}/{RowKey} in the {PacStorage.EmailsTable} table");

        public void SetStatus(EmailStatus status) => Status = StoredNames.Of(status);

        /// <summary>The <see cref="DeliveryState"/> SendGrid's Event Webhook last reported, as stored; null before any event.</summary>
        public string? Delivery { get; set; }

        public DateTimeOffset? DeliveryAt { get; set; }

        public string? DeliveryReason { get; set; }

        public EmailDelivery? GetDelivery() => Delivery is null
            ? null
            : new EmailDelivery(StoredNames.Parse<DeliveryState>(Delivery, $"E-mail {PartitionKey}/{RowKey}'s delivery in the {PacStorage.EmailsTable} table"), DeliveryAt ?? default, DeliveryReason);

        public void SetDelivery(EmailDelivery delivery)
        {
            Delivery = StoredNames.Of(delivery.State);
            DeliveryAt = delivery.At;
            DeliveryReason = delivery.Reason;
        }

        public void CopyDeliveryFrom(EmailRow other)
        {
            Delivery = other.Delivery;
            DeliveryAt = other.DeliveryAt;
            DeliveryReason = other.DeliveryReason;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {Key} sent to {To}")]
    private static partial void LogSent(ILogger logger, EmailKey key, string to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key}: the claim went stale before the send ended ({Result}) and another run has re-claimed it; its record stands")]
    private static partial void LogTakenOver(ILogger logger, EmailKey key, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Key} to {To} failed (permanent: {Permanent})")]
    private static partial void LogFailed(ILogger logger, Exception exception, EmailKey key, string to, bool permanent);
}
