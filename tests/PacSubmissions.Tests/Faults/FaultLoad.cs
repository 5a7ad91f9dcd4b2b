using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Load;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Faults;

/// <summary>The load the fault runs put on a host: a small deadline-day rush of real sample reports, and how its outcome is told.</summary>
public static class FaultLoad
{
    public const int Year = 2031;

    public static LoadPlan Plan { get; } = new(Centres: 8, ReportsPerCentre: 2, Clients: 4, TimeLimit: TimeSpan.FromMinutes(3));

    /// <summary>The load run's samples: valid and incomplete, DOCX and PDF, so the checks the runs compare are not all alike.</summary>
    public static IReadOnlyList<string> Reports { get; } = [.. SampleReports.Names.Select(Samples.PathOf)];

    public static async Task<IReadOnlyList<UploadAttempt>> RunAsync(IReadOnlyList<CentreLink> links, LoadPlan plan, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await new LoadDriver(client, TimeProvider.System).RunAsync(links, plan, Reports, cancellationToken);
    }

    /// <summary>Each submission row's check as JSON, by submission id: what must not change when a blob is processed again.</summary>
    public static async Task<Dictionary<string, string>> ChecksAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<SubmissionStore>().ListAsync(Year, cancellationToken))
        .ToDictionary(s => s.SubmissionId, s => JsonSerializer.Serialize(s.Check), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Ids(IReadOnlyList<UploadAttempt> attempts) =>
        [.. attempts.Where(a => a.Accepted).Select(a => a.SubmissionId!)];

    /// <summary>One line for docs/benchmarks.md: uploads, how long the run took to settle, and the latency from upload to recorded check.</summary>
    public static string Outcome(IReadOnlyList<UploadAttempt> attempts, Reconciliation reconciliation, TimeSpan settled)
    {
        var latencies = reconciliation.Latencies.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"uploads: {attempts.Count(a => a.Accepted)} accepted of {attempts.Count} ({attempts.Sum(a => a.Tries)} tries); "
            + $"settled {settled.TotalSeconds:F1} s after the first upload; "
            + $"upload to recorded check p50 {Percentile(latencies, 0.5):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms; "
            + $"lost {reconciliation.Lost.Count}, duplicated {reconciliation.Duplicated.Count}");
    }

    private static double Percentile(List<TimeSpan> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Ceiling(fraction * sorted.Count) - 1].TotalMilliseconds;
}
