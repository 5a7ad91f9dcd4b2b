using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>The setting the timer trigger reads (<c>%Reminders:Schedule%</c>): a six-field cron expression, in UTC.</summary>
    public const string ScheduleSetting = Section + ":" + nameof(Schedule);

    [Required(ErrorMessage = "Set " + ScheduleSetting + " to the reminder timer's six-field cron schedule, e.g. '0 0 * * * *' (hourly, UTC).")]
    public string Schedule { get; set; } = "";
}
