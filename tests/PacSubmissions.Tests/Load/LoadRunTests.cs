using PacSubmissions.Email;
using PacSubmissions.Load;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Load;

[Trait("Category", "Slow")]
public sealed class LoadRunTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EveryAcceptedUploadOfALoadRunIsStoredCheckedAndEmailedExactlyOnce()
    {
        await using var server = await LocalHostServer.StartAsync();
        var year = DateTimeOffset.UtcNow.Year;
        var links = await LoadScenario.SeedAsync(server.Services, year, centres: 4, CancellationToken.None);
        var plan = new LoadPlan(Centres: 4, ReportsPerCentre: 2, Clients: 3, TimeLimit: TimeSpan.FromMinutes(2));

        var attempts = await new LoadDriver(server.Client, TimeProvider.System).RunAsync(links, plan, Reports(), CancellationToken.None);
        var reconciliation = await Reconciler.WaitAsync(server.Services, year, attempts,
            ct => OutboxDeliveries.KeysAsync(server.Outbox.Path, ct), Settle, CancellationToken.None);

        Assert.True(reconciliation.IsClean, reconciliation.Describe());
        Assert.Equal(8, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(202, a.StatusCode));
        Assert.Equal(8, attempts.Select(a => a.SubmissionId).Distinct().Count());
        Assert.Equal(8, reconciliation.Recorded);
        Assert.Equal(8, reconciliation.Latencies.Count);
        Assert.All(reconciliation.Latencies, latency => Assert.True(latency > TimeSpan.Zero, $"latency {latency}"));
        // Two e-mails per upload and no others.
        Assert.Equal(16, server.Outbox.Messages().Count);
    }

    [Fact]
    public async Task ReconcilerNamesAMissingReceiptAMissingFileAndADoubledEmail()
    {
        await using var server = await LocalHostServer.StartAsync();
        var year = DateTimeOffset.UtcNow.Year;
        var links = await LoadScenario.SeedAsync(server.Services, year, centres: 3, CancellationToken.None);
        var attempts = await new LoadDriver(server.Client, TimeProvider.System)
            .RunAsync(links, new LoadPlan(3, 1, 3, TimeSpan.FromMinutes(2)), Reports(), CancellationToken.None);
        var clean = await Reconciler.WaitAsync(server.Services, year, attempts,
            ct => OutboxDeliveries.KeysAsync(server.Outbox.Path, ct), Settle, CancellationToken.None);
        Assert.True(clean.IsClean, clean.Describe());

        var (first, second, third) = (attempts[0], attempts[1], attempts[2]);
        var delivered = (await OutboxDeliveries.KeysAsync(server.Outbox.Path, CancellationToken.None)).ToList();
        delivered.Remove(Key(year, first, EmailKinds.Receipt));
        delivered.Add(Key(year, second, EmailKinds.SubmissionReceived));
        await server.Get<PacSubmissions.Storage.PacStorage>().Reports
            .DeleteBlobAsync(PacSubmissions.Submissions.SubmissionBlob.NameFor(year, third.CentreId, third.SubmissionId!));

        var broken = await Reconciler.ReconcileAsync(server.Services, year, attempts, delivered, CancellationToken.None);

        Assert.False(broken.IsClean);
        Assert.Equal(1, broken.Recorded);
        Assert.Contains(broken.Lost, l => l.Contains(first.SubmissionId!, StringComparison.Ordinal) && l.Contains("receipt e-mail", StringComparison.Ordinal));
        Assert.Contains(broken.Lost, l => l.Contains(third.SubmissionId!, StringComparison.Ordinal) && l.Contains("report file", StringComparison.Ordinal));
        var doubled = Assert.Single(broken.Duplicated);
        Assert.Contains($"{Key(year, second, EmailKinds.SubmissionReceived)} delivered 2 times", doubled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadThatIsRefusedIsNotRetriedAndNotCountedAsAccepted()
    {
        await using var server = await LocalHostServer.StartAsync();
        var year = DateTimeOffset.UtcNow.Year;
        var links = await LoadScenario.SeedAsync(server.Services, year, centres: 1, CancellationToken.None);
        var forged = new CentreLink(links[0].CentreId, new Uri(links[0].UploadUrl + "x"));

        var attempts = await new LoadDriver(server.Client, TimeProvider.System)
            .RunAsync([forged], new LoadPlan(1, 1, 1, TimeSpan.FromMinutes(1)), Reports(), CancellationToken.None);

        var attempt = Assert.Single(attempts);
        Assert.Equal(403, attempt.StatusCode);
        Assert.Equal(1, attempt.Tries);
        Assert.False(attempt.Accepted);
        var reconciliation = await Reconciler.ReconcileAsync(server.Services, year, attempts, [], CancellationToken.None);
        Assert.True(reconciliation.IsClean, reconciliation.Describe());
        Assert.Equal(0, reconciliation.Accepted);
    }

    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(99, 10)]
    [InlineData(10, 1)]
    public void PercentilesAreNearestRank(double percent, int expectedSeconds)
    {
        var values = Enumerable.Range(1, 10).Select(s => TimeSpan.FromSeconds(s)).Reverse().ToList();

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), LoadSummary.Percentile(values, percent));
    }

    [Fact]
    public void LoadOptionsRefuseUnknownOptionsAndBadValues()
    {
        Assert.Equal(7, LoadOptions.Parse(["--centres", "7"]).Plan.Centres);
        Assert.Contains("--clients", Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--client", "3"])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--runs", "0"]));
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--runs"]));
    }

    private static string Key(int year, UploadAttempt attempt, string kind) => new EmailKey(year, attempt.CentreId, kind, attempt.SubmissionId!).ToString();

    private static IReadOnlyList<string> Reports() => [.. SampleReports.Names.Select(Samples.PathOf)];
}
