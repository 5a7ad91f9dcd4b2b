using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Upload;

namespace PacSubmissions.LocalHost.Demo;

/// <summary>A demo campaign and made-up centres for a local run, so a newcomer has links to try at once.</summary>
internal static class DemoData
{
    /// <summary>Made-up centres, in the register's CSV format; HQ imports the real ones the same way.</summary>
    public static string CentresCsv(string repositoryRoot) => Path.Combine(repositoryRoot, "samples", "centres.example.csv");

    /// <summary>
    /// Creates (once) the campaign whose deadline comes next and the example centres that are not in the register yet,
    /// and returns the upload link of every active centre in the register.
    /// </summary>
    public static async Task<IReadOnlyList<(Centre Centre, Uri UploadUrl)>> SeedAsync(IServiceProvider services, string centresCsv, CancellationToken cancellationToken)
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

        CentreCsvImport import;
        await using (var csv = File.OpenRead(centresCsv))
        {
            import = CentreCsv.Read(csv);
        }

        if (!import.IsValid)
        {
            throw new InvalidDataException($"{centresCsv} cannot be imported: {string.Join("; ", import.Errors.Select(e => $"line {e.Line}: {e.Message}"))}");
        }

        // Seeded once: a centre already in the register keeps what HQ changed since (pac centres import, the dashboard).
        var known = (await register.ListAsync(cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        await register.SaveAllAsync([.. import.Centres.Where(c => !known.Contains(c.Id))], cancellationToken);
        var centres = await register.ListAsync(cancellationToken);
        return [.. centres.Where(c => c.Active).Select(centre => (centre, links.CreateUrl(centre.Id, campaign)))];
    }
}
