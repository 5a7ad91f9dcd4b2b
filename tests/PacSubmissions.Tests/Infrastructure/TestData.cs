using PacSubmissions.Campaigns;
using PacSubmissions.Centres;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>Centres and campaigns tests put in their own tables.</summary>
public static class TestData
{
    public static Centre Centre(string id = "kz-almaty", string name = "PAC Centre Almaty", string email = "coordinator@pac-test.example") =>
        new(id, name, "National Library of the Republic of Kazakhstan", "Almaty", "Kazakhstan", "A. Coordinator", email, "ru");

    /// <summary>A campaign open now, whose deadline is in a week, set in Anywhere-on-Earth time.</summary>
    public static Campaign OpenCampaign(DateTimeOffset now, int year = 2030) =>
        new(year, now.AddDays(-30), now.AddDays(7), Campaign.AnywhereOnEarth, Campaign.DefaultGrace, now.AddDays(37));

    public static async Task SeedAsync(IServiceProvider services, Campaign campaign, params Centre[] centres)
    {
        await Get<CampaignStore>(services).SaveAsync(campaign, CancellationToken.None);
        foreach (var centre in centres)
        {
            await Get<CentreRegister>(services).SaveAsync(centre, CancellationToken.None);
        }
    }

    private static T Get<T>(IServiceProvider services) where T : notnull =>
        (T)services.GetService(typeof(T))!;
}
