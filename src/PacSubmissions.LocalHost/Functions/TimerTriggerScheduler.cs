using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>Runs timer-triggered functions on their schedules (cron with seconds, or a TimeSpan), in UTC, as Azure does.</summary>
internal sealed partial class TimerTriggerScheduler(
    FunctionCatalog catalog,
    IServiceProvider services,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.WithTrigger<TimerTriggerAttribute>().Select(f => RunAsync(f.Function, f.Trigger, stoppingToken)));

    public static Func<DateTime, DateTime> Schedule(string expression)
    {
        if (TimeSpan.TryParse(expression, System.Globalization.CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return last => last + interval;
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            ?? throw new InvalidOperationException($"'{expression}' is not a cron expression (six fields, with seconds) or a TimeSpan.");
        return cron.GetNextOccurrence;
    }

    private async Task RunAsync(FunctionDescriptor function, TimerTriggerAttribute trigger, CancellationToken stoppingToken)
    {
        var expression = SettingExpressions.Resolve(trigger.Schedule, configuration);
        var next = Schedule(expression);
        var last = clock.GetUtcNow().UtcDateTime;
        if (trigger.RunOnStartup)
        {
            await InvokeAsync(function, last, next(last), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = next(last);
            LogScheduled(logger, function.Name, expression, due);
            try
            {
                var wait = due - clock.GetUtcNow().UtcDateTime;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await InvokeAsync(function, due, next(due), stoppingToken);
            last = due;
        }
    }

    private async Task InvokeAsync(FunctionDescriptor function, DateTime last, DateTime next, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = clock.GetUtcNow().UtcDateTime - last > TimeSpan.FromMinutes(1),
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = clock.GetUtcNow().UtcDateTime },
        };
        try
        {
            await FunctionInvoker.InvokeAsync(function, services, parameter =>
                parameter.ParameterType == typeof(TimerInfo) ? info
                : parameter.ParameterType == typeof(CancellationToken) ? stoppingToken
                : null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failed run is logged and the schedule goes on, as in Azure.
            LogFailed(logger, exception, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {Function} ({Schedule}) next runs at {Due:o} UTC")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule, DateTime due);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
