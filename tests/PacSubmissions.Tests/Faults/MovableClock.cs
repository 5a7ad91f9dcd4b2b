namespace PacSubmissions.Tests.Faults;

/// <summary>
/// The real clock, moved forward on demand: a host runs in real time (its HTTP timeouts, retries and polling are real),
/// and a test can then make it believe time has passed, e.g. past the reminder run's head start for the processor.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _aheadTicks;

    public TimeSpan Ahead => TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);
}
