using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PacSubmissions.Load;
using PacSubmissions.LocalHost.Functions;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// The blob trigger delivers at least once: the same blob event can come twice, at the same moment (two instances) or
/// long after (lost receipts). Either way each upload ends as one row with its check, one HQ e-mail and one receipt.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DoubleDeliveryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHostsOnOneContainerRecordEachUploadOnce()
    {
        var cancellationToken = CancellationToken.None;
        var (firstLog, secondLog) = (new ProcessingLog(), new ProcessingLog());
        await using var first = await LocalHostServer.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(firstLog));
        var second = await LocalHostServer.StartAsync(names: first.Names, outbox: first.Outbox, services: s => s.AddSingleton<ILoggerProvider>(secondLog));
        try
        {
            var links = await LoadScenario.SeedAsync(first.Services, FaultLoad.Year, FaultLoad.Plan.Centres, cancellationToken);
            var half = links.Count / 2;
            var toSecond = links.Skip(half).Select(l => l with { UploadUrl = new Uri(second.BaseAddress, l.UploadUrl.PathAndQuery) }).ToList();
            var run = Stopwatch.StartNew();

            // Half the centres upload through each host; both hosts poll the one container, so each blob reaches both.
            var uploads = await Task.WhenAll(
                FaultLoad.RunAsync([.. links.Take(half)], FaultLoad.Plan with { Centres = half }, cancellationToken),
                FaultLoad.RunAsync(toSecond, FaultLoad.Plan with { Centres = toSecond.Count }, cancellationToken));
            IReadOnlyList<UploadAttempt> attempts = [.. uploads.SelectMany(a => a)];
            var ids = FaultLoad.Ids(attempts);
            await Eventually.Until(() => Task.FromResult(Processed(firstLog).Count + Processed(secondLog).Count),
                _ => ids.All(Processed(firstLog).Contains) && ids.All(Processed(secondLog).Contains), TimeSpan.FromSeconds(120));
            var reconciliation = await Reconciler.WaitAsync(first.Services, FaultLoad.Year, attempts,
                ct => OutboxDeliveries.KeysAsync(first.Outbox.Path, ct), TimeSpan.FromSeconds(30), cancellationToken);

            var deliveries = firstLog.Deliveries.Concat(secondLog.Deliveries).ToList();
            output.WriteLine($"Two hosts on one container: {FaultLoad.Outcome(attempts, reconciliation, run.Elapsed)}");
            output.WriteLine($"deliveries: {deliveries.Count} for {ids.Count} uploads (first host {firstLog.Deliveries.Count}, second {secondLog.Deliveries.Count}); "
                + $"e-mails sent {deliveries.Sum(d => d.Sent)}, found sent before {deliveries.Sum(d => d.AlreadyHandled)}, "
                + $"found being sent by the other host {deliveries.Sum(d => d.InFlight)}");
            Assert.Subset(Processed(firstLog), ids.ToHashSet(StringComparer.Ordinal));
            Assert.Subset(Processed(secondLog), ids.ToHashSet(StringComparer.Ordinal));
            Assert.Equal(ids.Count * 2, deliveries.Sum(d => d.Sent));
            await AssertChecksAreTheReadersAsync(first.Services, cancellationToken);
            Assert.True(reconciliation.IsClean, reconciliation.Describe());
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task EveryBlobDeliveredAgainAfterItsReceiptsAreLostIsRecordedOnce()
    {
        var cancellationToken = CancellationToken.None;
        var host = await LocalHostServer.StartAsync();
        var run = Stopwatch.StartNew();
        var links = await LoadScenario.SeedAsync(host.Services, FaultLoad.Year, FaultLoad.Plan.Centres, cancellationToken);
        var attempts = await FaultLoad.RunAsync(links, FaultLoad.Plan, cancellationToken);
        var ids = FaultLoad.Ids(attempts);
        var firstRun = await Reconciler.WaitAsync(host.Services, FaultLoad.Year, attempts,
            ct => OutboxDeliveries.KeysAsync(host.Outbox.Path, ct), TimeSpan.FromSeconds(120), cancellationToken);
        output.WriteLine($"First delivery: {FaultLoad.Outcome(attempts, firstRun, run.Elapsed)}");
        // A blob is done once its receipt is written; stop only then, so what follows is all redelivery.
        await Eventually.Until(() => ReceiptsAsync(host, delete: false, cancellationToken), n => n == ids.Count, TimeSpan.FromSeconds(30));
        var checks = await FaultLoad.ChecksAsync(host.Services, cancellationToken);
        var processedAt = (await host.Get<SubmissionStore>().ListAsync(FaultLoad.Year, cancellationToken)).ToDictionary(s => s.SubmissionId, s => s.ProcessedAt);
        await host.StopAsync();

        var deleted = await ReceiptsAsync(host, delete: true, cancellationToken);
        var log = new ProcessingLog();
        await using var restarted = await LocalHostServer.StartAsync(names: host.Names, outbox: host.Outbox, services: s => s.AddSingleton<ILoggerProvider>(log));
        var again = Stopwatch.StartNew();
        await Eventually.Until(() => Task.FromResult(Processed(log)), p => ids.All(p.Contains), TimeSpan.FromSeconds(120));
        var reconciliation = await Reconciler.WaitAsync(restarted.Services, FaultLoad.Year, attempts,
            ct => OutboxDeliveries.KeysAsync(restarted.Outbox.Path, ct), TimeSpan.FromSeconds(30), cancellationToken);

        output.WriteLine($"Receipts deleted ({deleted}) and the host restarted: {log.Deliveries.Count} deliveries again for {ids.Count} uploads, "
            + $"all done {again.Elapsed.TotalSeconds:F1} s after the restart; e-mails sent again {log.Deliveries.Sum(d => d.Sent)}; "
            + $"lost {reconciliation.Lost.Count}, duplicated {reconciliation.Duplicated.Count}");
        Assert.Equal(ids.Count, deleted);
        Assert.Subset(Processed(log), ids.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(0, log.Deliveries.Sum(d => d.Sent));
        Assert.Equal(checks, await FaultLoad.ChecksAsync(restarted.Services, cancellationToken));
        var reprocessed = await restarted.Get<SubmissionStore>().ListAsync(FaultLoad.Year, cancellationToken);
        Assert.All(reprocessed, s => Assert.True(s.ProcessedAt > processedAt[s.SubmissionId], $"{s.SubmissionId} was not processed again"));
        Assert.True(reconciliation.IsClean, reconciliation.Describe());
    }

    /// <summary>The submission ids a host processed, once each however often.</summary>
    private static HashSet<string> Processed(ProcessingLog log) => [.. log.Deliveries.Select(d => d.SubmissionId)];

    /// <summary>
    /// Counts (and with <paramref name="delete"/>, deletes) the trigger's receipts for this test's container only: the
    /// receipts container is shared by every test on the Azurite.
    /// </summary>
    private static async Task<int> ReceiptsAsync(LocalHostServer host, bool delete, CancellationToken cancellationToken)
    {
        var receipts = new BlobServiceClient(host.Storage).GetBlobContainerClient(BlobTriggerListener.ReceiptsContainer);
        var count = 0;
        await foreach (var receipt in receipts.GetBlobsAsync(BlobTraits.None, BlobStates.None, "blobreceipts/", cancellationToken))
        {
            if (receipt.Name.Contains($"/{host.Names.ReportsContainer}/", StringComparison.Ordinal))
            {
                if (delete)
                {
                    await receipts.DeleteBlobAsync(receipt.Name, cancellationToken: cancellationToken);
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Every row's check is what the reader finds in that file read once on its own.</summary>
    private static async Task AssertChecksAreTheReadersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<ReportReader>();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in FaultLoad.Reports)
        {
            await using var content = File.OpenRead(file);
            expected[Path.GetFileName(file)] = JsonSerializer.Serialize(SubmissionCheck.From(await reader.ReadAsync(content, cancellationToken)));
        }

        var rows = await services.GetRequiredService<SubmissionStore>().ListAsync(FaultLoad.Year, cancellationToken);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(expected[row.OriginalFileName], JsonSerializer.Serialize(row.Check)));
    }
}
