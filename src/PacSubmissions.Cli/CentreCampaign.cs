using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;

namespace PacSubmissions.Cli;

/// <summary>The centre and campaign a command names (the newest campaign when no year is given), or why there is none.</summary>
internal static class CentreCampaign
{
    /// <returns>Both, or null after telling the user which one is missing.</returns>
    public static async Task<(Centre Centre, Campaign Campaign)?> FindAsync(
        IServiceProvider services, string centreId, int? year, TextWriter error, CancellationToken cancellationToken)
    {
        if (await FindCentreAsync(services, centreId, error, cancellationToken) is not { } centre)
        {
            return null;
        }

        var campaigns = services.GetRequiredService<CampaignStore>();
        var campaign = year is { } y
            ? await campaigns.FindAsync(y, cancellationToken)
            : (await campaigns.ListAsync(cancellationToken)).MaxBy(c => c.Year);
        if (campaign is null)
        {
            await error.WriteLineAsync(year is null ? "No campaign has been opened yet." : $"No campaign for {year}.");
            return null;
        }

        return (centre, campaign);
    }

    /// <returns>The centre, or null after telling the user it is not in the register.</returns>
    public static async Task<Centre?> FindCentreAsync(IServiceProvider services, string centreId, TextWriter error, CancellationToken cancellationToken)
    {
        if (CentreId.Problem(centreId) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return null;
        }

        var centre = await services.GetRequiredService<CentreRegister>().FindAsync(centreId, cancellationToken);
        if (centre is null)
        {
            await error.WriteLineAsync($"No centre '{centreId}' in the register.");
        }

        return centre;
    }
}
