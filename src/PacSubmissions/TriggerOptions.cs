using System.ComponentModel.DataAnnotations;

namespace PacSubmissions;

/// <summary>
/// The settings trigger attributes read as <c>%Name%</c>. They are top-level names with no section (no <c>:</c>, so
/// no <c>__</c> in the app setting), because the platform's scale controller, which decides when a Flex Consumption
/// app gets an instance for a queue or a timer, reads app settings as written and does not map <c>Section__Name</c>
/// to <c>Section:Name</c> (azure-functions-host #8261, #8665; azure-functions-dotnet-worker #849). They are bound
/// and validated here once, like every other setting, and the code reads them from here.
/// </summary>
public sealed class TriggerOptions
{
    /// <summary>No section: these are bound from the configuration's root.</summary>
    public const string Section = "";

    /// <summary>The setting the blob trigger's path reads, so the trigger and the code name one container.</summary>
    public const string ReportsContainerSetting = nameof(ReportsContainer);

    [Required(ErrorMessage = "Set " + ReportsContainerSetting + " to the blob container that holds uploaded reports (e.g. reports).")]
    // 54 at most: the readings and incoming containers are this name plus "-readings" and "-incoming", and a container name has 63 characters at most.
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,52}[a-z0-9]$",
        ErrorMessage = ReportsContainerSetting + " must be a valid container name: 3-54 lower-case letters, digits and single hyphens.")]
    public string ReportsContainer { get; set; } = "reports";

    /// <summary>The setting the poison handler's queue trigger reads.</summary>
    public const string BlobPoisonQueueSetting = nameof(BlobPoisonQueue);

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

    /// <summary>The setting the reminder timer reads: a six-field cron expression, in UTC.</summary>
    public const string ReminderScheduleSetting = nameof(ReminderSchedule);

    [Required(ErrorMessage = "Set " + ReminderScheduleSetting + " to the reminder timer's six-field cron schedule, e.g. '0 0 * * * *' (hourly, UTC).")]
    public string ReminderSchedule { get; set; } = "";
}
