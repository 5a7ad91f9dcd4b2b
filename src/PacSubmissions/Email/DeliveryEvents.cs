using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Centres;
using PacSubmissions.Http;
using PacSubmissions.Storage;

namespace PacSubmissions.Email;

/// <summary>What a post of SendGrid's events came to: recorded in the ledger, already recorded before, or not ours to record.</summary>
public sealed record DeliveryEventsAnswer(int Recorded, int Replayed, int Ignored);

/// <summary>
/// SendGrid's Event Webhook (<c>POST api/email/events</c>): a JSON array of events about the e-mails it accepted, signed
/// with SendGrid's key. A post whose signature does not verify with <see cref="EmailOptions.EventWebhookPublicKey"/> (none,
/// another key's, or a body changed on the way), or whose timestamp is further from the clock than
/// <see cref="EmailOptions.EventWebhookTolerance"/>, is refused with 403 and nothing of it is recorded. Each delivered,
/// deferred, bounced, blocked, dropped or spam-report event is matched to its ledger e-mail by the key the sender put in its
/// custom args (<see cref="SendGridEmailSender.KeyArgument"/>) and recorded there; an event SendGrid posts again (the same
/// <c>sg_event_id</c>) is recorded once; a bounce or drop of a coordinator's address tells HQ, once per address.
/// </summary>
public sealed partial class DeliveryEvents(
    IOptions<EmailOptions> options,
    EmailLedger ledger,
    HqEmails hq,
    CentreRegister centres,
    PacStorage storage,
    TimeProvider clock,
    ILogger<DeliveryEvents> logger)
{
    /// <summary>SendGrid posts batches far smaller than this; a larger body is not SendGrid's.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private TableClient Seen => storage.Table(PacStorage.EmailEventsTable);

    public async Task<IActionResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.UsesEventWebhook)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "The event webhook is off",
                $"This app takes SendGrid's delivery events only once {EmailOptions.EventWebhookPublicKeySetting} holds SendGrid's Verification Key.");
        }

        var signature = request.Headers[DeliveryEventSignature.SignatureHeader].FirstOrDefault();
        var timestamp = request.Headers[DeliveryEventSignature.TimestampHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return Refused($"A post of events must carry SendGrid's {DeliveryEventSignature.SignatureHeader} and {DeliveryEventSignature.TimestampHeader} headers.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > settings.EventWebhookTolerance)
        {
            return Refused($"The post's timestamp is not within {settings.EventWebhookTolerance} of this server's clock: a stale or replayed post.");
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return Problems.Result(StatusCodes.Status413PayloadTooLarge, "Too many events in one post", $"A post of events may hold at most {MaxBodyBytes} bytes.");
        }

        using (var key = DeliveryEventSignature.Import(settings.EventWebhookPublicKey!))
        {
            if (!DeliveryEventSignature.Verifies(key, timestamp, body, signature))
            {
                return Refused("The post's signature does not verify with SendGrid's Verification Key: it is not SendGrid's, or it was changed on the way.");
            }
        }

        if (Parse(body) is not { } events)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Not a list of events", "SendGrid posts a JSON array of event objects; this body is not one, and nothing of it was recorded.");
        }

        var (recorded, replayed, ignored) = (0, 0, 0);
        foreach (var item in events)
        {
            switch (await RecordAsync(item, cancellationToken))
            {
                case EventOutcome.Recorded: recorded++; break;
                case EventOutcome.Replayed: replayed++; break;
                default: ignored++; break;
            }
        }

        LogReceived(logger, recorded, replayed, ignored);
        return new OkObjectResult(new DeliveryEventsAnswer(recorded, replayed, ignored));
    }

    private enum EventOutcome
    {
        Recorded,
        Replayed,
        Ignored,
    }

    /// <summary>One event of a post, as far as the ledger needs it; <see cref="Delivery"/> is null for events it does not keep (opens, clicks, processed).</summary>
    private sealed record DeliveryEvent(string? EventId, EmailKey? Key, EmailDelivery? Delivery);

    private async Task<EventOutcome> RecordAsync(DeliveryEvent item, CancellationToken cancellationToken)
    {
        if (item is not { Delivery: { } delivery, Key: { } key, EventId: { Length: > 0 and <= 200 } eventId })
        {
            return EventOutcome.Ignored;
        }

        var partition = key.Year.ToString(CultureInfo.InvariantCulture);
        var rowKey = Uri.EscapeDataString(eventId);
        if ((await Seen.GetEntityIfExistsAsync<SeenEvent>(partition, rowKey, cancellationToken: cancellationToken)).HasValue)
        {
            return EventOutcome.Replayed;
        }

        if (await ledger.RecordDeliveryAsync(key, delivery, cancellationToken) is not { } email)
        {
            LogUnknownEmail(logger, key, StoredNames.Of(delivery.State));
            return EventOutcome.Ignored;
        }

        if (delivery.AddressFailed && EmailKinds.ToCoordinators.Contains(key.Kind))
        {
            var centre = await centres.FindAsync(key.Centre, cancellationToken);
            await ledger.SendOnceAsync(await hq.AddressFailedAsync(email, delivery, centre, cancellationToken), cancellationToken);
        }

        // Marked seen only once it is recorded: a post that failed half-way is posted again by SendGrid and finishes then.
        try
        {
            await Seen.AddEntityAsync(new SeenEvent
            {
                PartitionKey = partition,
                RowKey = rowKey,
                Email = key.ToString(),
                Delivery = StoredNames.Of(delivery.State),
                At = delivery.At,
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // The same event in two posts at once: recorded the same way by both.
        }

        return EventOutcome.Recorded;
    }

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>The post's events, or null when it is not a JSON array of objects.</summary>
    private static IReadOnlyList<DeliveryEvent>? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            {
                return null;
            }

            return [.. document.RootElement.EnumerateArray().Select(Read)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DeliveryEvent Read(JsonElement item)
    {
        var state = Text(item, "event") switch
        {
            "delivered" => DeliveryState.Delivered,
            "deferred" => DeliveryState.Deferred,
            "bounce" => Text(item, "type") == "blocked" ? DeliveryState.Blocked : DeliveryState.Bounced,
            "dropped" => DeliveryState.Dropped,
            "spamreport" => DeliveryState.SpamReport,
            _ => (DeliveryState?)null,
        };
        var at = item.TryGetProperty("timestamp", out var stamp) && stamp.TryGetInt64(out var seconds) && seconds >= 0 && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        var reason = state == DeliveryState.Deferred ? Text(item, "response") : Text(item, "reason");
        return new DeliveryEvent(
            Text(item, "sg_event_id"),
            KeyOf(Text(item, SendGridEmailSender.KeyArgument)),
            state is { } s && at is { } when ? new EmailDelivery(s, when, reason is null ? null : Truncate(reason)) : null);
    }

    /// <summary>The ledger key the sender put in the custom args (<see cref="EmailKey.ToString"/>), or null for an e-mail this app did not send.</summary>
    private static EmailKey? KeyOf(string? text)
    {
        var parts = text?.Split('|', 4);
        return parts is [var year, { Length: > 0 } centre, { Length: > 0 } kind, var detail]
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                ? new EmailKey(y, centre, kind, detail)
                : null;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    private static ObjectResult Refused(string detail) => Problems.Result(StatusCodes.Status403Forbidden, "Not a signed post from SendGrid", detail + " Nothing was recorded.");

    /// <summary>One event recorded, by its <c>sg_event_id</c> under the campaign year.</summary>
    private sealed record SeenEvent : TableRow
    {
        /// <summary>The ledger key of the e-mail it was about.</summary>
        public string? Email { get; set; }

        public string? Delivery { get; set; }

        public DateTimeOffset? At { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid events: {Recorded} recorded, {Replayed} seen before, {Ignored} not for the ledger")]
    private static partial void LogReceived(ILogger logger, int recorded, int replayed, int ignored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid reported {Delivery} for e-mail {Key}, which the ledger does not hold")]
    private static partial void LogUnknownEmail(ILogger logger, EmailKey key, string delivery);
}
