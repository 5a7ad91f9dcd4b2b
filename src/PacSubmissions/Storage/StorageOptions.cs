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
}
