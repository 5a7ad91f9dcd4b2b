using System.Text.Json;

namespace PacSubmissions.Tests.Deployment;

/// <summary>The log alert rules provision on a brand-new Log Analytics workspace, whose tables do not exist yet.</summary>
[Trait("Category", "Slow")]
public sealed class AlertRuleTests
{
    [LinuxFact]
    public async Task EveryLogAlertRuleSkipsQueryValidationSoAFreshWorkspaceProvisions()
    {
        var rules = await DeployedSettings.ResourcesAsync("Microsoft.Insights/scheduledQueryRules");

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var properties = rule.GetProperty("properties");
            Assert.True(properties.TryGetProperty("skipQueryValidation", out var skip) && skip.ValueKind == JsonValueKind.True,
                $"The alert rule {rule.GetProperty("name")} validates its query at deployment, which fails while its table does not exist.");
        });
    }
}
