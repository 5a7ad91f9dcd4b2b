using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Email;

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(From) + " to the address e-mails are sent from (verified in SendGrid).")]
    [OneAddress(ErrorMessage = Section + ":" + nameof(From) + " must be an e-mail address.")]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "IFLA PAC Submissions";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(HqAddress) + " to IFLA HQ's e-mail address; HQ is told of every submission.")]
    [OneAddress(ErrorMessage = Section + ":" + nameof(HqAddress) + " must be an e-mail address.")]
    public string HqAddress { get; set; } = "";

    /// <summary>
    /// How HQ hears of uploads: an e-mail for each (the default), or one daily summary of the last day's uploads, sent by
    /// the hourly reminder run at <see cref="Reminders.ReminderPlanner.DailySummaryHour"/> UTC.
    /// </summary>
    [EnumDataType(typeof(HqNotices), ErrorMessage = Section + ":" + nameof(HqNotices) + " must be " + nameof(Email.HqNotices.EachUpload) + " or " + nameof(Email.HqNotices.Daily) + ".")]
    public HqNotices HqNotices { get; set; } = HqNotices.EachUpload;

    /// <summary>
    /// Uploads of one centre received within this span of the first (default 10 minutes) make one burst: HQ's notice and
    /// the coordinator's receipt go out at once for the first, and the reminder run sends, once the span is over, one
    /// notice naming all the others and the receipt of the newest. Zero sends both for every upload.
    /// See <see cref="UploadBursts"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = Section + ":" + nameof(UploadBurstWindow) + " must be between 00:00:00 and 01:00:00.")]
    public TimeSpan UploadBurstWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The IANA zone HQ lives by (IFLA HQ is in The Hague): every time in HQ's e-mails and on the dashboard is shown in it.
    /// Coordinators' times follow the register's zone for their centre instead.
    /// </summary>
    public string HqTimeZone { get; set; } = "Europe/Amsterdam";

    public const string SendGridApiKeySetting = Section + ":" + nameof(SendGridApiKey);

    /// <summary>When set, e-mail goes through SendGrid; when empty, it is written to <see cref="OutboxPath"/>.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>Another SendGrid API address (a test server); empty means SendGrid's own.</summary>
    [Url(ErrorMessage = Section + ":" + nameof(SendGridHost) + " must be an absolute URL.")]
    public string? SendGridHost { get; set; }

    /// <summary>Tries per e-mail within one run (the first included) when SendGrid answers 429 or 5xx, or not at all.</summary>
    [Range(1, 10, ErrorMessage = Section + ":" + nameof(SendGridAttempts) + " must be between 1 and 10.")]
    public int SendGridAttempts { get; set; } = 4;

    /// <summary>
    /// The longest pause between tries. Kept well under <see cref="ClaimTimeout"/>: a claim must not go
    /// stale while its sender is still waiting to retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = Section + ":" + nameof(SendGridMaxRetryDelay) + " must be between 00:00:00 and 00:01:00.")]
    public TimeSpan SendGridMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request to SendGrid may take before it counts as failed (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = Section + ":" + nameof(SendGridTimeout) + " must be between 00:00:01 and 00:02:00.")]
    public TimeSpan SendGridTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old a ledger claim ("sending") must be before another run takes it over and sends again (default 10 minutes):
    /// younger, its sender is taken to be still at work; older, to have died between the provider's answer and the record.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":" + nameof(ClaimTimeout) + " must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public const string EventWebhookPublicKeySetting = Section + ":" + nameof(EventWebhookPublicKey);

    /// <summary>
    /// The Verification Key of SendGrid's Signed Event Webhook (base64, as SendGrid shows it). Set, the app takes SendGrid's
    /// delivery events (<c>api/email/events</c>) and checks each post's signature with it; empty, that route refuses every post.
    /// A public key, so a plain setting, not a secret.
    /// </summary>
    public string? EventWebhookPublicKey { get; set; }

    /// <summary>How far a signed post's timestamp may be from the clock, either way, before it is refused as stale (a replay).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = Section + ":" + nameof(EventWebhookTolerance) + " must be between 00:00:30 and 01:00:00.")]
    public TimeSpan EventWebhookTolerance { get; set; } = TimeSpan.FromMinutes(10);

    public bool UsesEventWebhook => !string.IsNullOrWhiteSpace(EventWebhookPublicKey);

    /// <summary>Folder where e-mails are written as .eml files when no SendGrid key is set (local runs).</summary>
    public string? OutboxPath { get; set; }

    public bool UsesSendGrid => !string.IsNullOrWhiteSpace(SendGridApiKey);

    /// <summary>The longest one send through SendGrid may take, all its attempts and waits included.</summary>
    public TimeSpan LongestSend => SendGridAttempts * (SendGridTimeout + SendGridMaxRetryDelay);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesSendGrid && string.IsNullOrWhiteSpace(OutboxPath))
        {
            yield return new ValidationResult(
                $"Set {Section}:{nameof(SendGridApiKey)} to send e-mail through SendGrid, or {Section}:{nameof(OutboxPath)} to write it to a folder.",
                [nameof(SendGridApiKey), nameof(OutboxPath)]);
        }

        if (Centres.CentreZones.Canonical(HqTimeZone) != HqTimeZone)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(HqTimeZone)} must be an IANA time zone as the tz database spells it (e.g. Europe/Amsterdam), not '{HqTimeZone}'.",
                [nameof(HqTimeZone)]);
        }

        if (UsesEventWebhook && DeliveryEventSignature.KeyProblem(EventWebhookPublicKey!) is { } keyProblem)
        {
            yield return new ValidationResult($"{EventWebhookPublicKeySetting} is set, but {keyProblem}.", [nameof(EventWebhookPublicKey)]);
        }

        // A sender still retrying must finish before its ledger claim goes stale, or a second run would send again.
        // Only SendGrid retries; the outbox writes a file once.
        if (!UsesSendGrid)
        {
            yield break;
        }

        var longest = LongestSend;
        if (longest >= ClaimTimeout)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(SendGridAttempts)} × ({Section}:{nameof(SendGridTimeout)} + {Section}:{nameof(SendGridMaxRetryDelay)}) is {longest}; keep it under {Section}:{nameof(ClaimTimeout)} ({ClaimTimeout}).",
                [nameof(SendGridAttempts), nameof(SendGridTimeout), nameof(SendGridMaxRetryDelay), nameof(ClaimTimeout)]);
        }
    }
}

/// <summary>How HQ hears of uploads (<c>Email:HqNotices</c>).</summary>
public enum HqNotices
{
    /// <summary>One <c>submission-received</c> e-mail per upload, sent as soon as it is checked.</summary>
    EachUpload,

    /// <summary>No e-mail per upload; one <c>daily-summary</c> of the last day's uploads instead.</summary>
    Daily,
}
