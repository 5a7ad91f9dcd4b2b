namespace PacSubmissions.Tests.Infrastructure;

/// <summary>A container, a table prefix and a poison queue of the test's own, so tests never see each other's data.</summary>
public sealed record TestStorageNames(string ReportsContainer, string TablePrefix)
{
    /// <summary>The blob trigger's poison queue for this test (Azure's is webjobs-blobtrigger-poison, shared by the whole account).</summary>
    public string BlobPoisonQueue => ReportsContainer + "-poison";

    public static TestStorageNames Unique()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return new TestStorageNames($"reports-{id}", $"t{id}");
    }
}
