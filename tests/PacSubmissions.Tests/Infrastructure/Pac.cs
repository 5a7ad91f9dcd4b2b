using System.Text.Json;
using PacSubmissions.Cli;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>Runs the <c>pac</c> command in-process, as a person would from a shell, and captures what it prints.</summary>
public static class Pac
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PacCommand.Create(output, error).Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs with the pipeline's own settings (storage names, outbox), changed by <paramref name="change"/>, in a --settings file.</summary>
    public static Task<(int Exit, string Output, string Error)> RunWithSettingsAsync(
        TestPipeline pipeline, Action<Dictionary<string, string?>>? change, params string[] args) =>
        RunWithSettingsAsync(pipeline.Storage, pipeline.Names, pipeline.Outbox, change, args);

    /// <summary>Runs against the local host's own storage and outbox, as HQ would beside the dashboard it serves.</summary>
    public static Task<(int Exit, string Output, string Error)> RunWithSettingsAsync(LocalHostServer server, params string[] args) =>
        RunWithSettingsAsync(server.Storage, server.Names, server.Outbox, null, args);

    private static async Task<(int Exit, string Output, string Error)> RunWithSettingsAsync(
        string storage, TestStorageNames names, Outbox outbox, Action<Dictionary<string, string?>>? change, string[] args)
    {
        var settings = TestSettings.Create(storage, names, outbox.Path, "https://pac.example.org");
        change?.Invoke(settings);
        var path = outbox.Path + $"-settings-{Guid.NewGuid():N}.json";
        // Configuration keys are flat strings: a top-level JSON property "Links:SigningSecret" is that setting.
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(settings));
        try
        {
            return await RunAsync([.. args, "--settings", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
