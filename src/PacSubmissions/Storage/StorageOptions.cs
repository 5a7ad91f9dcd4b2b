using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The setting the blob trigger's path reads, so the trigger and the code name one container.</summary>
    public const string ReportsContainerSetting = Section + ":" + nameof(ReportsContainer);

    [Required(ErrorMessage = "Set " + ReportsContainerSetting + " to the blob container that holds uploaded reports (e.g. reports).")]
    // 54 at most: the readings container is this name plus "-readings", and a container name has 63 characters at most.
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,52}[a-z0-9]$",
        ErrorMessage = ReportsContainerSetting + " must be a valid container name: 3-54 lower-case letters, digits and single hyphens.")]
    public string ReportsContainer { get; set; } = "reports";

    /// <summary>Put before every table name; lets tests (and a second deployment in one account) keep their own tables.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,29})?$",
        ErrorMessage = Section + ":" + nameof(TablePrefix) + " must be empty or start with a letter and hold only letters and digits (30 at most).")]
    public string TablePrefix { get; set; } = "";

    /// <summary>The setting the poison handler's queue trigger reads (<c>%Storage:BlobPoisonQueue%</c>).</summary>
    public const string BlobPoisonQueueSetting = Section + ":" + nameof(BlobPoisonQueue);

    /// <summary>The queue the Functions host's blob trigger puts a report on after its last failed try.</summary>
    public const string FunctionsHostBlobPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>
    /// Where poisoned report blobs are announced. In Azure it must be the Functions host's own name,
    /// <see cref="FunctionsHostBlobPoisonQueue"/>; it is a setting so that local hosts and tests sharing one storage account
    /// each read their own poison queue, never another's.
    /// </summary>
    [Required(ErrorMessage = "Set " + BlobPoisonQueueSetting + " to the blob trigger's poison queue (in Azure: " + FunctionsHostBlobPoisonQueue + ").")]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,48}[a-z0-9]$",
        ErrorMessage = BlobPoisonQueueSetting + " must be a valid queue name of 3-50 lower-case letters, digits and single hyphens (the host adds -poison for its own poison queue).")]
    public string BlobPoisonQueue { get; set; } = FunctionsHostBlobPoisonQueue;

    /// <summary>The setting <see cref="StorageConnection"/> reads when it builds the clients, before options are bound.</summary>
    public const string NetworkTimeoutSetting = Section + ":" + nameof(NetworkTimeout);

    /// <summary>
    /// How long one storage request may go unanswered before the SDK gives up on it and tries again (its own default
    /// is 100 s). With the SDK's three retries this bounds how long an upload waits on storage that accepts connections
    /// but does not answer, so the coordinator gets the 503 "try again" well before the front end's 230 s limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = NetworkTimeoutSetting + " must be between 00:00:01 and 00:05:00.")]
    public TimeSpan NetworkTimeout { get; set; } = DefaultNetworkTimeout;

    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromSeconds(30);
}
