using System.Reflection;
using System.Text.Json;
using PacSubmissions.Functions.Upload;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Functions;

namespace PacSubmissions.Tests.Functions;

/// <summary>
/// Reads the functions.metadata the Worker SDK builds for Azure, so the deployment cannot drift from the code, and checks
/// the local host sees the same functions with the same triggers.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Metadata = new(() =>
    {
        var configuration = typeof(FunctionsMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepositoryRoot.Find(), "src", "PacSubmissions.Functions", "bin", configuration, "net10.0", "functions.metadata");
        return [.. JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray()];
    });

    private static JsonElement Trigger(string function)
    {
        var entry = Assert.Single(Metadata.Value, f => f.GetProperty("name").GetString() == function);
        return Assert.Single(entry.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void UploadIsAnAnonymousHttpPostOnTheLinkRoute()
    {
        var trigger = Trigger("UploadReport");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("upload/{token}", trigger.GetProperty("route").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    /// <summary>
    /// HQ's routes are anonymous to the Functions host, so no key has to travel in a URL (`?code=`): the app authorises
    /// each request itself (App Service Authentication's person, or the dashboard key's session cookie).
    /// </summary>
    [Fact]
    public void EveryDashboardRouteIsAnonymousToTheHostAndSignInTakesGetAndPost()
    {
        var dashboard = Metadata.Value
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: Trigger(f.GetProperty("name").GetString()!)))
            .Where(f => f.Trigger.TryGetProperty("route", out var route) && route.GetString()!.StartsWith("dashboard", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(19, dashboard.Count);
        Assert.All(dashboard, f => Assert.Equal("Anonymous", f.Trigger.GetProperty("authLevel").GetString()));
        var signIn = Trigger("DashboardSignIn");
        Assert.Equal("dashboard/sign-in", signIn.GetProperty("route").GetString());
        Assert.Equal(["get", "post"], signIn.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void ProcessorIsTriggeredByReportBlobsOnTheStorageConnection()
    {
        var trigger = Trigger("ProcessReport");

        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%ReportsContainer%/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void ReminderTimerReadsItsScheduleFromSettings()
    {
        var trigger = Trigger("SendReminders");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%ReminderSchedule%", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void RetentionPurgeRunsOnceADayAtHalfPastTwoUtc()
    {
        var trigger = Trigger("PurgeExpiredData");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 30 2 * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void PoisonHandlerReadsTheBlobTriggersPoisonQueueOnTheStorageConnection()
    {
        var trigger = Trigger("ReportProcessingFailed");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("%BlobPoisonQueue%", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void EveryBindingExpressionAndConnectionIsAFlatSettingName()
    {
        // The scale controller reads app settings as written (Section__Name) and cannot find Section:Name, so a trigger
        // that names a sectioned setting never gets an instance in Azure (azure-functions-host #8261, #8665).
        var sectioned = Metadata.Value
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Function: f.GetProperty("name").GetString(), Binding: b)))
            .SelectMany(x => x.Binding.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .SelectMany(p => SettingNames(p.Name, p.Value.GetString()!))
                .Where(name => name.Contains(':', StringComparison.Ordinal) || name.Contains("__", StringComparison.Ordinal))
                .Select(name => $"{x.Function}: {name}"))
            .ToList();

        Assert.True(sectioned.Count == 0, "These bindings name sectioned settings: " + string.Join(", ", sectioned));
        Assert.Contains(Metadata.Value.SelectMany(f => f.GetProperty("bindings").EnumerateArray()),
            b => b.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains('%', StringComparison.Ordinal)));
    }

    /// <summary>The setting names a binding property reads: every <c>%Name%</c> in it, and a connection's whole value.</summary>
    private static IEnumerable<string> SettingNames(string property, string value) =>
        property == "connection"
            ? [value]
            : System.Text.RegularExpressions.Regex.Matches(value, "%([^%]+)%").Select(m => m.Groups[1].Value);

    [Fact]
    public void EveryBlobQueueAndTimerTriggerHasItsTestAbove()
    {
        // A non-HTTP function added without a test of its trigger fails here, so this file keeps proving every trigger.
        string[] proved = ["ProcessReport", "SendReminders", "ReportProcessingFailed", "PurgeExpiredData"];
        var triggered = Metadata.Value.Select(f => f.GetProperty("name").GetString()!)
            .Where(name => Trigger(name).GetProperty("type").GetString() != "httpTrigger");

        Assert.Equal(proved.Order(StringComparer.Ordinal), triggered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LocalHostServesExactlyTheFunctionsAzureGets()
    {
        var local = FunctionCatalog.From(typeof(UploadReport).Assembly).Functions.Select(f => f.Name).Order(StringComparer.Ordinal);
        var azure = Metadata.Value.Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(azure, local);
    }
}
