using System.Diagnostics;
using System.Reflection;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Deployment;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 NuGet package (the test project's build records where it is),
/// so CI lints and compiles infra/ offline, with the same Bicep version everywhere.
/// </summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static string InfraDirectory => Path.Combine(RepositoryRoot.Find(), "infra");

    public static string Executable
    {
        get
        {
            var package = Metadata("BicepPackagePath");
            var path = Path.Combine(package, "tools", "bicep");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"No Bicep CLI at {path}: restore the tests project (dotnet restore) to fetch Azure.Bicep.CommandLine.linux-x64.");
        }
    }

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no look-up of a newer Bicep version: CI has no network but the package registries.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await errors);
    }

    private static readonly Lazy<Task<string>> MainTemplate = new(CompileMainAsync);

    /// <summary>infra/main.bicep compiled to the ARM template azd deploys (once per test run).</summary>
    public static Task<string> BuildMainAsync() => MainTemplate.Value;

    private static async Task<string> CompileMainAsync()
    {
        var result = await RunAsync("build", Path.Combine(InfraDirectory, "main.bicep"), "--stdout");
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"bicep build infra/main.bicep failed ({result.ExitCode}):\n{result.Errors}");
    }

    public static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata: see PacSubmissions.Tests.csproj.");
}
