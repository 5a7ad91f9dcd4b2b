using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Email;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Load;

/// <summary>
/// Checks a load run against what was stored and sent: for every upload answered 202, exactly one report blob, one
/// submission row with a check result, one HQ e-mail and one coordinator receipt among the delivered e-mails, and for
/// the year nothing stored that no one processed and nothing sent twice.
/// </summary>
public static class Reconciler
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits until every accepted upload is fully recorded, or <paramref name="timeout"/> passes, then reconciles.</summary>
    /// <param name="services">The app's services on the storage the host used.</param>
    /// <param name="deliveredEmailKeys">Every e-mail key the mail provider (or the outbox) has, once per delivery.</param>
    public static async Task<Reconciliation> WaitAsync(
        IServiceProvider services,
        int year,
        IReadOnlyList<UploadAttempt> attempts,
        Func<CancellationToken, Task<IReadOnlyCollection<string>>> deliveredEmailKeys,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var giveUpAt = clock.GetUtcNow() + timeout;
        while (true)
        {
            var reconciliation = await ReconcileAsync(services, year, attempts, await deliveredEmailKeys(cancellationToken), cancellationToken);
            // Nothing missing means every accepted upload (and every unacknowledged one) is fully recorded.
            if (reconciliation.Lost.Count == 0 || clock.GetUtcNow() >= giveUpAt)
            {
                return reconciliation;
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }

    public static async Task<Reconciliation> ReconcileAsync(
        IServiceProvider services, int year, IReadOnlyList<UploadAttempt> attempts, IReadOnlyCollection<string> deliveredEmailKeys,
        CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<PacStorage>();
        var blobs = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var blob in storage.Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{year}/", cancellationToken))
        {
            var submissionId = blob.Name[(blob.Name.LastIndexOf('/') + 1)..];
            blobs[submissionId] = blobs.GetValueOrDefault(submissionId) + 1;
        }

        var rows = (await services.GetRequiredService<SubmissionStore>().ListAsync(year, cancellationToken))
            .ToDictionary(s => s.SubmissionId, StringComparer.Ordinal);
        var emails = deliveredEmailKeys.CountBy(key => key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);

        var lost = new List<string>();
        var duplicated = new List<string>();
        var unacknowledged = new List<string>();
        var latencies = new List<TimeSpan>();
        var recorded = 0;

        var accepted = attempts.Where(a => a.Accepted).ToList();
        foreach (var group in accepted.GroupBy(a => a.SubmissionId!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            duplicated.Add($"submission id {group.Key} was given to {group.Count()} uploads");
        }

        foreach (var attempt in accepted)
        {
            var missing = Missing(year, attempt.CentreId, attempt.SubmissionId!, blobs, rows, emails);
            if (missing.Count == 0)
            {
                recorded++;
                latencies.Add(rows[attempt.SubmissionId!].ProcessedAt - attempt.StartedAt);
            }
            else
            {
                lost.Add($"{attempt}: {string.Join(", ", missing)}");
            }
        }

        var acceptedIds = accepted.Select(a => a.SubmissionId!).ToHashSet(StringComparer.Ordinal);
        foreach (var submissionId in blobs.Keys.Where(id => !acceptedIds.Contains(id)))
        {
            var centre = rows.TryGetValue(submissionId, out var row) ? row.CentreId : null;
            var missing = centre is null ? ["checked row"] : Missing(year, centre, submissionId, blobs, rows, emails);
            if (missing.Count == 0)
            {
                recorded++;
                unacknowledged.Add($"{centre} ({submissionId})");
            }
            else
            {
                lost.Add($"stored file {submissionId} that no client was told about: {string.Join(", ", missing)}");
            }
        }

        foreach (var row in rows.Values.Where(r => !blobs.ContainsKey(r.SubmissionId)))
        {
            lost.Add($"row {row.CentreId} ({row.SubmissionId}) has no report file");
        }

        foreach (var (key, count) in emails.Where(e => e.Value > 1 && e.Key.StartsWith($"{year}|", StringComparison.Ordinal)))
        {
            duplicated.Add($"e-mail {key} delivered {count} times");
        }

        return new Reconciliation(accepted.Count, recorded, lost, duplicated, unacknowledged, latencies);
    }

    private static List<string> Missing(
        int year, string centre, string submissionId, Dictionary<string, int> blobs, Dictionary<string, Submission> rows, Dictionary<string, int> emails)
    {
        var missing = new List<string>();
        if (!blobs.ContainsKey(submissionId))
        {
            missing.Add("report file");
        }

        if (!rows.TryGetValue(submissionId, out var row) || row.Check is null)
        {
            missing.Add("checked row");
        }

        foreach (var kind in new[] { EmailKinds.SubmissionReceived, EmailKinds.Receipt })
        {
            if (!emails.ContainsKey(new EmailKey(year, centre, kind, submissionId).ToString()))
            {
                missing.Add($"{kind} e-mail");
            }
        }

        return missing;
    }
}
