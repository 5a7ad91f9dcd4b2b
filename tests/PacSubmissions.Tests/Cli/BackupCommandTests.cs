using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Cli;

/// <summary>
/// The restore drill, on real Azurite: the tables are backed up with <c>pac backup</c>, lost, restored with
/// <c>pac restore</c>, and the system works on as before (links sent before the loss still open the centre's page).
/// </summary>
public sealed class BackupCommandTests
{
    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(TestPipeline pipeline)
    {
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in PacStorage.AllTables)
        {
            var client = pipeline.Get<PacStorage>().Table(table);
            await client.CreateIfNotExistsAsync();
            var lines = new List<string>();
            await foreach (var entity in client.QueryAsync<TableEntity>())
            {
                lines.Add(TableBackup.Serialize(entity));
            }

            rows[table] = [.. lines.Order(StringComparer.Ordinal)];
        }

        return rows;
    }

    [Fact]
    public async Task RestoreDrillBringsBackEveryRowAfterTheTablesAreLost()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(pipeline.Services, campaign, TestData.Centre(), TestData.Centre("br-rio", "PAC Rio", "rio@pac-test.example"));
        // A row with a date, a number and text: the types must come back as they were.
        await pipeline.Get<PacSubmissions.Audit.AuditLog>().RecordAsync(campaign.Year, "kz-almaty", "extend", "until 2030-07-20", "officer@ifla.example", CancellationToken.None);
        var link = pipeline.Get<UploadLinks>().CreateUrl("kz-almaty", campaign).ToString();
        var before = await SnapshotAsync(pipeline);
        var container = pipeline.Names.ReportsContainer + "-backups";
        try
        {
            var (exit, output, error) = await Pac.RunWithSettingsAsync(pipeline, null, "backup", "--container", container);
            Assert.True(exit == 0, error);
            var backup = output[(output.IndexOf("pac restore ", StringComparison.Ordinal) + "pac restore ".Length)..].Trim().TrimEnd(')', '.');

            foreach (var table in PacStorage.AllTables)
            {
                await pipeline.Get<PacStorage>().Table(table).DeleteAsync();
            }

            Assert.Null(await pipeline.Get<CentreRegister>().FindAsync("kz-almaty", CancellationToken.None));
            (exit, output, error) = await Pac.RunWithSettingsAsync(pipeline, null, "restore", backup, "--container", container);

            Assert.True(exit == 0, error);
            Assert.Contains("centres 2", output, StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(pipeline));
            Assert.NotNull(await pipeline.Get<CampaignStore>().FindAsync(campaign.Year, CancellationToken.None));
            Assert.Equal("kz-almaty", pipeline.Get<UploadLinks>().Verify(link[(link.LastIndexOf('/') + 1)..])?.CentreId);
        }
        finally
        {
            await new BlobServiceClient(pipeline.Storage).GetBlobContainerClient(container).DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task ABackupCutOffBeforeItsManifestIsRefusedAndChangesNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var container = new BlobServiceClient(pipeline.Storage).GetBlobContainerClient(pipeline.Names.ReportsContainer + "-backups");
        try
        {
            var name = await pipeline.Get<TableBackup>().BackUpAsync(container.Name, CancellationToken.None);
            await container.GetBlobClient($"{name}/{TableBackup.ManifestName}").DeleteAsync();
            var before = await SnapshotAsync(pipeline);

            var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "restore", name, "--container", container.Name);

            Assert.Equal(1, exit);
            Assert.Contains("manifest.json is missing", error, StringComparison.Ordinal);
            Assert.Equal(before, await SnapshotAsync(pipeline));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
