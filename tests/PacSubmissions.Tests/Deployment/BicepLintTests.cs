namespace PacSubmissions.Tests.Deployment;

/// <summary>
/// Every Bicep file under infra/ compiles and passes the Bicep linter with no warning at all. One CLI run covers all
/// files (--pattern): each run costs seconds of start-up, and its diagnostics name the file they are about.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BicepLintTests
{
    private static string Pattern => Path.Combine(BicepCli.InfraDirectory, "**", "*.bicep");

    [LinuxFact]
    public async Task EveryBicepFileBuildsWithoutWarnings()
    {
        var output = Directory.CreateTempSubdirectory("pac-bicep-");
        try
        {
            var result = await BicepCli.RunAsync("build", "--pattern", Pattern, "--outdir", output.FullName);

            Assert.True(result.ExitCode == 0, $"bicep build exited {result.ExitCode}:\n{result.Output}{result.Errors}");
            Assert.True(string.IsNullOrWhiteSpace(result.Output + result.Errors), $"bicep build reported:\n{result.Output}{result.Errors}");
            foreach (var file in BicepCli.Files())
            {
                var compiled = Path.ChangeExtension(Path.Combine(output.FullName, Path.GetRelativePath(BicepCli.InfraDirectory, file)), ".json");
                Assert.True(File.Exists(compiled), $"bicep build did not compile {file}.");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [LinuxFact]
    public async Task EveryBicepFilePassesTheLinterWithoutWarnings()
    {
        var result = await BicepCli.RunAsync("lint", "--pattern", Pattern);

        Assert.True(result.ExitCode == 0, $"bicep lint exited {result.ExitCode}:\n{result.Output}{result.Errors}");
        Assert.True(string.IsNullOrWhiteSpace(result.Output + result.Errors), $"bicep lint reported:\n{result.Output}{result.Errors}");
    }

    [Fact]
    public void InfraHasTheModulesAzdDeploysAndNoRegistryModule()
    {
        var files = BicepCli.Files().ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == "main.bicep");
        Assert.Contains(files, f => Path.GetFileName(f) == "blob-events.bicep");
        foreach (var text in files.Select(File.ReadAllText))
        {
            // Registry modules (br:… / br/public:…) need the network at build time; every resource is declared here.
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
        }
    }
}
