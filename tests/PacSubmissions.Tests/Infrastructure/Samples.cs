using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>The real-shaped reports in ../shared/samples, read-only.</summary>
public static class Samples
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "samples"));

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
