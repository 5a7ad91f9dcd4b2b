using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Reminders;

namespace PacSubmissions.Functions.Reminders;

internal sealed class SendReminders(ReminderRun run)
{
    [Function(nameof(SendReminders))]
    public Task Run(
        [TimerTrigger("%" + TriggerOptions.ReminderScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        run.RunAsync(cancellationToken);
}
