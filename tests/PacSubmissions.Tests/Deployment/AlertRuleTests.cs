using System.Text.Json;

namespace PacSubmissions.Tests.Deployment;

/// <summary>The log alert rules provision on a brand-new Log Analytics workspace, whose tables do not exist yet.</summary>
[Trait("Category", "Slow")]
public sealed class AlertRuleTests
{
    [LinuxFact]
    public async Task EveryLogAlertRuleSkipsQueryValidationSoAFreshWorkspaceProvisions()
    {
        using var template = JsonDocument.Parse(await BicepCli.BuildMainAsync());
        var rules = DeployedSettings.Descendants(template.RootElement)
            .Where(e => e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("type", out var type) && type.GetString() == "Microsoft.Insights/scheduledQueryRules")
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var properties = rule.GetProperty("properties");
            Assert.True(properties.TryGetProperty("skipQueryValidation", out var skip) && skip.ValueKind == JsonValueKind.True,
                $"The alert rule {rule.GetProperty("name")} validates its query at deployment, which fails while its table does not exist.");
        });
    }
}
