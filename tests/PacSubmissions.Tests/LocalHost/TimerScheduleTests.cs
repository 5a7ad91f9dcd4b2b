using PacSubmissions.LocalHost.Functions;

namespace PacSubmissions.Tests.LocalHost;

public sealed class TimerScheduleTests
{
    [Fact]
    public void HourlyCronWithSecondsRunsOnTheHourUtc()
    {
        var next = TimerTriggerScheduler.Schedule("0 0 * * * *");

        Assert.Equal(new DateTime(2030, 7, 1, 11, 0, 0, DateTimeKind.Utc), next(new DateTime(2030, 7, 1, 10, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void TimeSpanScheduleRunsAtThatInterval()
    {
        var next = TimerTriggerScheduler.Schedule("00:05:00");

        Assert.Equal(new DateTime(2030, 7, 1, 10, 35, 0, DateTimeKind.Utc), next(new DateTime(2030, 7, 1, 10, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void NonsenseScheduleIsRefusedByName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerTriggerScheduler.Schedule("every hour"));

        Assert.Contains("every hour", error.Message, StringComparison.Ordinal);
    }
}
