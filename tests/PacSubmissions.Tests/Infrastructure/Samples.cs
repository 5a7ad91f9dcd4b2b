using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>The real-shaped reports in samples/reports, read-only.</summary>
public static class Samples
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Find(), "samples", "reports");

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
