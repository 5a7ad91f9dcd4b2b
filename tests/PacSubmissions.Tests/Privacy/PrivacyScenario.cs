using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Privacy;

/// <summary>
/// Campaigns on real Azurite as the pipeline leaves them: a report file, its reading, its submission row, an e-mail in
/// the ledger and an audit entry, each written at the campaign's own time (a clock of the test's), so `pac`, which runs
/// on the real clock, sees an old campaign as old.
/// </summary>
internal sealed class PrivacyScenario : IAsyncDisposable
{
    /// <summary>Closed in August 2015: with the default 5 years, past its retention since 2020.</summary>
    public static readonly Campaign Old = Campaign.WithDefaults(2015, new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Closed in August 2025: inside its retention until 2030.</summary>
    public static readonly Campaign Recent = Campaign.WithDefaults(2025, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));

    public const string Phone = "+7 727 272 00 00";

    private int _reports;

    private PrivacyScenario(TestPipeline pipeline, FakeTimeProvider clock)
    {
        Pipeline = pipeline;
        Clock = clock;
    }

    public TestPipeline Pipeline { get; }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => Pipeline.Get<T>();

    public static async Task<PrivacyScenario> StartAsync()
    {
        var clock = new FakeTimeProvider(Old.OpensAt);
        var pipeline = await TestPipeline.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        return new PrivacyScenario(pipeline, clock);
    }

    /// <summary>One version of the centre's report in the campaign, sent a day before its deadline, and what the pipeline writes around it.</summary>
    public async Task<Submission> ReportAsync(Campaign campaign, Centre centre, string? contactAddress = null)
    {
        contactAddress ??= centre.CoordinatorEmail;
        Clock.SetUtcNow(campaign.Deadline.AddDays(-1).AddMinutes(++_reports));
        await Get<CampaignStore>().SaveAsync(campaign, CancellationToken.None);
        await Get<CentreRegister>().SaveAsync(centre, CancellationToken.None);
        var id = SubmissionBlob.NewSubmissionId(Clock.GetUtcNow());
        var blobName = SubmissionBlob.NameFor(campaign.Year, centre.Id, id);
        var reading = new ReportReading("docx", 6, "abc", ReportStatus.Valid, [],
            [new ReportSection("centre", "Centre", true, 9, $"{centre.Name}, {centre.CoordinatorName}, {contactAddress}, {Phone}")],
            centre.Institution, centre.Name, [contactAddress, "library@pac-test.example"], [Phone], centre.CoordinatorName, 1, 40);
        await Get<PacStorage>().Reports.GetBlobClient(blobName).UploadAsync(BinaryData.FromString("a report"));
        await Get<ReadingArchive>().SaveAsync(blobName, reading, CancellationToken.None);
        var submission = new Submission(centre.Id, campaign.Year, id, blobName, "report.docx", 8, "abc", Clock.GetUtcNow(), false, Clock.GetUtcNow(),
            SubmissionCheck.From(reading));
        await Get<SubmissionStore>().SaveAsync(submission, CancellationToken.None);
        await Get<EmailLedger>().SendOnceAsync(new EmailMessage(new EmailKey(campaign.Year, centre.Id, EmailKinds.Receipt, id),
            centre.CoordinatorEmail, $"Report {campaign.Year} received", "Thank you.", "<p>Thank you.</p>"), CancellationToken.None);
        await Get<AuditLog>().RecordAsync(campaign.Year, centre.Id, "extend", $"until {campaign.Deadline.AddDays(3):yyyy-MM-dd}, asked by {centre.CoordinatorEmail}",
            "officer@ifla.example", CancellationToken.None);
        return submission;
    }

    /// <summary>Every blob of the reports and readings containers, and every row of the submissions and e-mails tables, for a before/after comparison.</summary>
    public async Task<List<string>> EverythingAsync()
    {
        var names = new List<string>();
        foreach (var container in new[] { Get<PacStorage>().Reports, Get<PacStorage>().Readings })
        {
            await foreach (var blob in container.GetBlobsAsync())
            {
                names.Add($"{container.Name}/{blob.Name}");
            }
        }

        foreach (var table in PacStorage.AllTables)
        {
            await foreach (var row in Get<PacStorage>().Table(table).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                names.Add($"{table}/{row.PartitionKey}/{row.RowKey}/{string.Join(",", row.Where(p => p.Key is not ("Timestamp" or "odata.etag")).Select(p => $"{p.Key}={p.Value}"))}");
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    public Task<(int Exit, string Output, string Error)> PacAsync(params string[] args) => Pac.RunWithSettingsAsync(Pipeline, null, args);

    public async ValueTask DisposeAsync()
    {
        await new BlobServiceClient(Pipeline.Storage).GetBlobContainerClient(Get<PacStorage>().Readings.Name).DeleteIfExistsAsync();
        await Pipeline.DisposeAsync();
    }
}
