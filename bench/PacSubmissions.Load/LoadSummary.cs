using System.Globalization;

namespace PacSubmissions.Load;

/// <summary>The figures of one load run, as the bench prints them.</summary>
public sealed record LoadSummary(
    int Uploads,
    int Accepted,
    int Retried,
    TimeSpan Duration,
    TimeSpan AnswerP50,
    TimeSpan AnswerP95,
    TimeSpan RecordedP50,
    TimeSpan RecordedP95,
    TimeSpan RecordedP99,
    TimeSpan RecordedMax,
    Reconciliation Reconciliation)
{
    public double UploadsPerSecond => Accepted / Duration.TotalSeconds;

    public static LoadSummary From(IReadOnlyList<UploadAttempt> attempts, TimeSpan duration, Reconciliation reconciliation)
    {
        var answers = attempts.Where(a => a.Accepted).Select(a => a.Elapsed).ToList();
        var recorded = reconciliation.Latencies;
        return new LoadSummary(attempts.Count, attempts.Count(a => a.Accepted), attempts.Count(a => a.Tries > 1), duration,
            Percentile(answers, 50), Percentile(answers, 95),
            Percentile(recorded, 50), Percentile(recorded, 95), Percentile(recorded, 99), recorded.Count == 0 ? TimeSpan.Zero : recorded.Max(),
            reconciliation);
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static TimeSpan Percentile(IReadOnlyCollection<TimeSpan> values, double percent)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Accepted}/{Uploads} accepted ({Retried} retried) in {Duration.TotalSeconds:F1} s = {UploadsPerSecond:F1} uploads/s; " +
        $"answer p50 {AnswerP50.TotalMilliseconds:F0} ms, p95 {AnswerP95.TotalMilliseconds:F0} ms; " +
        $"upload to recorded check p50 {RecordedP50.TotalMilliseconds:F0} ms, p95 {RecordedP95.TotalMilliseconds:F0} ms, " +
        $"p99 {RecordedP99.TotalMilliseconds:F0} ms, max {RecordedMax.TotalMilliseconds:F0} ms; " +
        $"{Reconciliation.Lost.Count} lost, {Reconciliation.Duplicated.Count} duplicated");
}
