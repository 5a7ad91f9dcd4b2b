namespace PacSubmissions.Tests.Infrastructure;

/// <summary>
/// The settings a test pipeline runs with: its own storage names and outbox, the per-link upload limits raised out of
/// the way, no gathering of an upload burst's e-mails, everything else as in a local run.
/// </summary>
public static class TestSettings
{
    public const string SigningSecret = "test-signing-secret-0123456789-abcdefghij";
    public const string HqAddress = "hq@pac-test.example";

    public static Dictionary<string, string?> Create(string storage, TestStorageNames names, string outbox, string publicBaseUrl = "http://127.0.0.1:7071") => new()
    {
        ["AzureWebJobsStorage"] = storage,
        ["ReportsContainer"] = names.ReportsContainer,
        ["Storage:TablePrefix"] = names.TablePrefix,
        ["BlobPoisonQueue"] = names.BlobPoisonQueue,
        ["Links:SigningSecret"] = SigningSecret,
        ["Links:PublicBaseUrl"] = publicBaseUrl,
        ["Email:From"] = "pac@pac-test.example",
        ["Email:HqAddress"] = HqAddress,
        ["Email:SendGridApiKey"] = "",
        ["Email:OutboxPath"] = outbox,
        ["ReminderSchedule"] = "0 0 * * * *",
        ["LocalHost:SeedDemo"] = "false",
        ["LocalHost:BlobPollInterval"] = "00:00:00.200",
        ["LocalHost:QueuePollInterval"] = "00:00:00.200",
        // Tests upload many times a minute through one link: the per-link limits are raised here, not in the defaults,
        // and Upload/UploadLimitsTests sets its own.
        ["Upload:UploadsPerHour"] = "1000",
        ["Upload:MaxCampaignBytes"] = "1099511627776",
        // One HQ notice and one receipt per upload, as the tests of the e-mails expect; Email/UploadBurstTests sets a window.
        ["Email:UploadBurstWindow"] = "00:00:00",
    };
}
