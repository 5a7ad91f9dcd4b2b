using System.Text.Json.Nodes;

namespace PacSubmissions.Tests.Worker;

/// <summary>What the built worker tells the host about itself when the host starts it.</summary>
[Trait("Category", "Slow")]
public sealed class WorkerIndexingTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    [Fact]
    public void WorkerIndexesExactlyTheFunctionsAndBindingsOfFunctionsMetadata()
    {
        // functions.metadata is the Worker SDK's build output that Azure reads; the worker indexes itself at start.
        var declared = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkerProcess.AppDirectory, "functions.metadata")))!.AsArray()
            .Select(f => f!.AsObject())
            .ToDictionary(f => (string)f["name"]!, StringComparer.Ordinal);
        var indexed = fixture.Worker.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);

        Assert.Equal(declared.Keys.Order(StringComparer.Ordinal), indexed.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, function) in indexed)
        {
            Assert.Equal((string)declared[name]["entryPoint"]!, function.EntryPoint);
            Assert.Equal((string)declared[name]["scriptFile"]!, function.ScriptFile);
            var bindings = declared[name]["bindings"]!.AsArray().ToDictionary(b => (string)b!["name"]!, b => WithoutEmptyProperties(b!), StringComparer.Ordinal);
            var raw = function.RawBindings.Select(b => JsonNode.Parse(b)!).ToDictionary(b => (string)b["name"]!, StringComparer.Ordinal);
            Assert.Equal(bindings.Keys.Order(StringComparer.Ordinal), raw.Keys.Order(StringComparer.Ordinal));
            foreach (var (binding, expected) in bindings)
            {
                // Same properties and values, in whatever order each writer put them.
                Assert.True(JsonNode.DeepEquals(expected, raw[binding]), $"{name}.{binding}: declared {expected.ToJsonString()}, indexed {raw[binding].ToJsonString()}");
            }
        }
    }

    /// <summary>The build writes an empty <c>"properties": {}</c> where the worker's index leaves it out: the same binding.</summary>
    private static JsonObject WithoutEmptyProperties(JsonNode binding)
    {
        var copy = binding.DeepClone().AsObject();
        if (copy["properties"] is JsonObject { Count: 0 })
        {
            copy.Remove("properties");
        }

        return copy;
    }

    [Fact]
    public void WorkerAnnouncesItsOwnHttpServerForTheHostToForwardTo()
    {
        var httpUri = fixture.Worker.HttpUri;

        Assert.Equal(Uri.UriSchemeHttp, httpUri.Scheme);
        Assert.True(httpUri.IsLoopback, $"{httpUri} is not a loopback address.");
    }
}
