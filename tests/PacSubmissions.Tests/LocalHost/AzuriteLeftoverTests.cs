using System.Diagnostics;
using Azure.Storage.Blobs;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Azurite;

namespace PacSubmissions.Tests.LocalHost;

[Trait("Category", "Slow")]
public sealed class AzuriteLeftoverTests
{
    [Fact]
    public async Task AStartAfterAKilledHostStopsTheAzuriteItLeftBehindAndKeepsTheData()
    {
        var data = Directory.CreateTempSubdirectory("pac-azurite-leftover-");
        var ports = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        try
        {
            // The first host's Azurite, never stopped: its host was killed.
            var leftover = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), data.FullName, ports, CancellationToken.None);
            var container = new BlobServiceClient(leftover.ConnectionString).GetBlobContainerClient("kept");
            await container.CreateIfNotExistsAsync();
            await container.GetBlobClient("report").UploadAsync(BinaryData.FromString("before the kill"));
            var leftoverId = int.Parse(await File.ReadAllTextAsync(Path.Combine(data.FullName, "azurite.pid")), System.Globalization.CultureInfo.InvariantCulture);

            await using (var restarted = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), data.FullName, ports, CancellationToken.None))
            {
                Assert.Throws<ArgumentException>(() => Process.GetProcessById(leftoverId));
                var kept = new BlobServiceClient(restarted.ConnectionString).GetBlobContainerClient("kept").GetBlobClient("report");
                Assert.Equal("before the kill", (await kept.DownloadContentAsync()).Value.Content.ToString());
            }

            Assert.False(File.Exists(Path.Combine(data.FullName, "azurite.pid")));
            await leftover.DisposeAsync();
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
