namespace PacSubmissions.Tests.Deployment;

/// <summary>Every Bicep file under infra/ compiles and passes the Bicep linter with no warning at all.</summary>
public sealed class BicepLintTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in BicepCli.Files())
        {
            data.Add(Path.GetRelativePath(BicepCli.InfraDirectory, file));
        }

        return data;
    }

    [LinuxTheory]
    [MemberData(nameof(BicepFiles))]
    public async Task BicepFileBuildsWithoutWarnings(string file)
    {
        var result = await BicepCli.RunAsync("build", Path.Combine(BicepCli.InfraDirectory, file), "--stdout");

        Assert.True(result.ExitCode == 0, $"bicep build {file} exited {result.ExitCode}:\n{result.Errors}");
        Assert.True(string.IsNullOrWhiteSpace(result.Errors), $"bicep build {file} reported:\n{result.Errors}");
        Assert.StartsWith("{", result.Output.TrimStart(), StringComparison.Ordinal);
    }

    [LinuxTheory]
    [MemberData(nameof(BicepFiles))]
    public async Task BicepFilePassesTheLinterWithoutWarnings(string file)
    {
        var result = await BicepCli.RunAsync("lint", Path.Combine(BicepCli.InfraDirectory, file));

        Assert.True(result.ExitCode == 0, $"bicep lint {file} exited {result.ExitCode}:\n{result.Output}{result.Errors}");
        Assert.True(string.IsNullOrWhiteSpace(result.Output + result.Errors), $"bicep lint {file} reported:\n{result.Output}{result.Errors}");
    }

    [Fact]
    public void InfraHasTheModulesAzdDeploysAndNoRegistryModule()
    {
        var files = BicepCli.Files().ToList();

        Assert.Contains(files, f => Path.GetFileName(f) == "main.bicep");
        Assert.Contains(files, f => Path.GetFileName(f) == "blob-events.bicep");
        foreach (var file in files)
        {
            // Registry modules (br:… / br/public:…) need the network at build time; every resource is declared here.
            Assert.DoesNotContain("'br:", File.ReadAllText(file), StringComparison.Ordinal);
            Assert.DoesNotContain("'br/", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
