using System.Globalization;
using PacSubmissions.Load;
using Xunit.Abstractions;

namespace PacSubmissions.Tests.Faults;

/// <summary>What a fault run came to, written to the test output in the same shape for every fault, for docs/benchmarks.md.</summary>
internal static class FaultRunOutcome
{
    public static void Write(
        ITestOutputHelper output,
        string fault,
        LoadPlan plan,
        IReadOnlyList<UploadAttempt> attempts,
        ResponseTally tally,
        Reconciliation reconciliation,
        (DateTimeOffset Began, DateTimeOffset Over, DateTimeOffset Reconciled) times)
    {
        var retried = attempts.Where(a => a.Tries > 1).ToList();
        var firstAfter = tally.FirstAcceptedAfter(times.Over);
        var latencies = reconciliation.Latencies.Order().ToList();
        output.WriteLine($"Fault: {fault}, {Seconds(times.Over - times.Began)} ({plan.Centres} centres × {plan.ReportsPerCentre} reports, {plan.Clients} clients)");
        output.WriteLine($"Uploads: {attempts.Count}, accepted {attempts.Count(a => a.Accepted)}, retried {retried.Count}"
            + $" (most tries for one: {(attempts.Count == 0 ? 0 : attempts.Max(a => a.Tries))}); answers seen: {tally.Describe()}");
        output.WriteLine("Recovery: " + (firstAfter is { } first ? $"first upload accepted {Seconds(first - times.Over)} after the fault ended; " : "")
            + $"every accepted upload fully recorded {Seconds(times.Reconciled - times.Over)} after it ended");
        if (latencies.Count > 0)
        {
            output.WriteLine($"Latency, upload to recorded check: median {Seconds(latencies[latencies.Count / 2])}, max {Seconds(latencies[^1])}");
        }

        output.WriteLine("Reconciliation: " + reconciliation.Describe());
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
