using System.Runtime.InteropServices;

namespace PacSubmissions.Reports.Isolation;

/// <summary>
/// How to start a reader process: the dotnet host that runs this app, and PacSubmissions.Reader.dll beside the app.
/// In Azure Functions the isolated worker itself runs as <c>dotnet PacSubmissions.Functions.dll</c>, so its own host is
/// the one to use; an app started through its native launcher (the local host, pac) finds the host of the runtime it runs on.
/// </summary>
internal sealed record ReaderLaunch(string Host, string ReaderPath)
{
    public const string ReaderFileName = "PacSubmissions.Reader.dll";

    public static ReaderLaunch Find()
    {
        var reader = Path.Combine(AppContext.BaseDirectory, ReaderFileName);
        if (!File.Exists(reader))
        {
            throw new FileNotFoundException(
                $"The report reader {reader} is not beside the app. Every app that reads reports references src/PacSubmissions.Reader, which puts it there; build or publish again.",
                reader);
        }

        return new ReaderLaunch(DotnetHost(), reader);
    }

    /// <summary>The dotnet host's arguments: the reader, which has no dependency list of its own (see its project file).</summary>
    public IEnumerable<string> Arguments() => [ReaderPath];

    private static string DotnetHost()
    {
        var hostName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && string.Equals(Path.GetFileName(current), hostName, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/, and the host in <dotnet root>.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, hostName);
        if (File.Exists(host))
        {
            return host;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdkHost && File.Exists(sdkHost)
            ? sdkHost
            : throw new FileNotFoundException($"No dotnet host found to start the report reader with (looked for {host} and DOTNET_HOST_PATH).", host);
    }
}
