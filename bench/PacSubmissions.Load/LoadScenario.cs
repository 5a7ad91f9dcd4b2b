using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Upload;

namespace PacSubmissions.Load;

/// <summary>The centres and the campaign a load run uploads to: made-up centres LOAD-001…, each with a coordinator address.</summary>
public static class LoadScenario
{
    public static string CentreId(int number) => $"load-{number.ToString("000", CultureInfo.InvariantCulture)}";

    /// <param name="services">A provider with the app's services (a running host's), on the storage the host uses.</param>
    public static async Task<IReadOnlyList<CentreLink>> SeedAsync(IServiceProvider services, int year, int centres, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var campaign = new Campaign(year, now.AddDays(-1), now.AddDays(30), Campaign.AnywhereOnEarth, Campaign.DefaultGrace, now.AddDays(60));
        await services.GetRequiredService<CampaignStore>().SaveAsync(campaign, cancellationToken);

        var register = Enumerable.Range(1, centres)
            .Select(n => new Centre(CentreId(n), $"Load Centre {n}", $"Load Library {n}", "Nowhere", "Nowhere", $"Coordinator {n}",
                $"{CentreId(n)}@load.example", "en"))
            .ToList();
        await services.GetRequiredService<CentreRegister>().SaveAllAsync(register, cancellationToken);

        var links = services.GetRequiredService<UploadLinks>();
        return [.. register.Select(centre => new CentreLink(centre.Id, links.CreateUrl(centre.Id, campaign)))];
    }
}
