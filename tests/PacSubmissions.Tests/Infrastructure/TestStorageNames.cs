namespace PacSubmissions.Tests.Infrastructure;

/// <summary>A container and a table prefix of the test's own, so tests never see each other's data.</summary>
public sealed record TestStorageNames(string ReportsContainer, string TablePrefix)
{
    public static TestStorageNames Unique()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new TestStorageNames($"reports-{id}", $"t{id}");
    }
}
