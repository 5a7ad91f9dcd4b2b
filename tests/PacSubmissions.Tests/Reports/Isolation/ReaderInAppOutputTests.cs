using System.Diagnostics;
using PacSubmissions.Reports;
using PacSubmissions.Reports.Isolation;
using PacSubmissions.Tests.Deployment;
using PacSubmissions.LocalHost;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reports.Isolation;

/// <summary>
/// The reader process as each app's build output has it (what is deployed): started with the dotnet host from that
/// folder, it reads a sample report. A reader that loads in the test's folder but not in the app's fails here.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ReaderInAppOutputTests
{
    [Theory]
    [InlineData("PacSubmissions.Functions")]
    [InlineData("PacSubmissions.LocalHost")]
    [InlineData("PacSubmissions.Cli")]
    public async Task ReaderInTheAppsOutputReadsASampleReport(string project)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "src", project, "bin", BicepCli.Metadata("BuildConfiguration"), "net10.0");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, ReaderLaunch.ReaderFileName));
        using var reader = Process.Start(start)!;
        var errors = reader.StandardError.ReadToEndAsync();

        await ReaderProtocol.WriteChunkAsync(reader.StandardInput.BaseStream, System.Text.Encoding.UTF8.GetBytes(PacSubmissions.Forms.FormDefinitions.CurrentVersion), CancellationToken.None);
        await ReaderProtocol.WriteChunkAsync(reader.StandardInput.BaseStream, await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx")), CancellationToken.None);
        await ReaderProtocol.WriteChunkAsync(reader.StandardInput.BaseStream, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        await reader.StandardInput.BaseStream.FlushAsync();
        var reading = await ReaderProtocol.ReadAnswerAsync(reader.StandardOutput.BaseStream, CancellationToken.None);
        reader.StandardInput.Close();
        await reader.WaitForExitAsync();

        Assert.True(reading is not null, $"The reader in {folder} gave no answer: {await errors}");
        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Equal(0, reader.ExitCode);
    }
}
