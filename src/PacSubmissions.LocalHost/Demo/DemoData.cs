using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Upload;

namespace PacSubmissions.LocalHost.Demo;

/// <summary>A demo campaign and made-up centres for a local run, so a newcomer has links to try at once.</summary>
public static class DemoData
{
    public static readonly IReadOnlyList<Centre> Centres =
    [
        new("demo-almaty", "Example PAC Centre Almaty (demo)", "Example National Library of Kazakhstan (demo)", "Almaty", "Kazakhstan",
            "Demo Coordinator A", "coordinator.almaty@example.org", "ru"),
        new("demo-rio", "Example PAC Centre Rio de Janeiro (demo)", "Example National Library of Brazil (demo)", "Rio de Janeiro", "Brazil",
            "Demo Coordinator B", "coordinator.rio@example.org", "pt"),
        new("demo-seoul", "Example PAC Centre Seoul (demo)", "Example National Library of Korea (demo)", "Seoul", "Republic of Korea",
            "Demo Coordinator C", "coordinator.seoul@example.org", "en"),
    ];

    /// <summary>Creates (once) the campaign whose deadline comes next and the demo centres; returns each centre's upload link.</summary>
    public static async Task<IReadOnlyList<(Centre Centre, Uri UploadUrl)>> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var campaigns = services.GetRequiredService<CampaignStore>();
        var register = services.GetRequiredService<CentreRegister>();
        var links = services.GetRequiredService<UploadLinks>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

        var year = Campaign.WithDefaults(now.Year, now).Deadline > now ? now.Year : now.Year + 1;
        var campaign = await campaigns.FindAsync(year, cancellationToken);
        if (campaign is null)
        {
            campaign = Campaign.WithDefaults(year, opensAt: now.AddDays(-1));
            await campaigns.SaveAsync(campaign, cancellationToken);
        }

        var result = new List<(Centre, Uri)>();
        foreach (var centre in Centres)
        {
            await register.SaveAsync(centre, cancellationToken);
            result.Add((centre, links.CreateUrl(centre.Id, campaign)));
        }

        return result;
    }
}
