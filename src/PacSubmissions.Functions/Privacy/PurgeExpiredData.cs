using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Privacy;

namespace PacSubmissions.Functions.Privacy;

/// <summary>
/// Once a day (02:30 UTC, away from the reminders on the hour) deletes what campaigns past their retention still hold,
/// as <c>pac purge --apply</c> does, audited as "timer". A run cut off is finished by the next.
/// </summary>
internal sealed class PurgeExpiredData(RetentionPurge purge)
{
    /// <summary>The schedule, fixed: the purge is due by the day, so there is no setting to get wrong.</summary>
    public const string Schedule = "0 30 2 * * *";

    [Function(nameof(PurgeExpiredData))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        purge.ApplyAsync(RetentionPurge.TimerOperator, cancellationToken);
}
