namespace PacSubmissions.LocalHost;

/// <summary>The checkout the local host runs from: where node_modules (Azurite) and the ignored .local folder live.</summary>
internal static class RepositoryRoot
{
    public const string Marker = "PacSubmissions.sln";

    public static string Find(string? from = null)
    {
        for (var directory = new DirectoryInfo(from ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} above {from ?? AppContext.BaseDirectory}: run the local host from a checkout of PacSubmissions.");
    }
}
