using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;

namespace PacSubmissions.Cli;

/// <summary>
/// The centre and campaign a command names, or why there is none. Without <c>--year</c> it is the campaign whose window
/// (opening to the close of late uploads) holds today; never simply the newest, which may not have opened yet.
/// </summary>
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
        if (year is { } y)
        {
            var named = await campaigns.FindAsync(y, cancellationToken);
            if (named is null)
            {
                await error.WriteLineAsync($"No campaign for {y}.");
            }

            return named is null ? null : (centre, named);
        }

        var all = await campaigns.ListAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var open = all.Where(c => c.WindowAt(now) is not (UploadWindow.NotYetOpen or UploadWindow.Closed)).ToList();
        if (open.Count == 1)
        {
            return (centre, open[0]);
        }

        await error.WriteLineAsync(WhichYear(all, open));
        return null;
    }

    /// <summary>Why the campaign cannot be told without <c>--year</c>, and which years there are to choose from.</summary>
    private static string WhichYear(IReadOnlyList<Campaign> all, List<Campaign> open)
    {
        if (all.Count == 0)
        {
            return "No campaign has been opened yet.";
        }

        static string Years(IEnumerable<Campaign> campaigns) => string.Join(", ", campaigns.Select(c => c.Year).Order());
        return open.Count == 0
            ? $"No campaign takes uploads today, so say which one with --year (campaigns: {Years(all)})."
            : $"The campaigns {Years(open)} all take uploads today, so say which one with --year.";
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
