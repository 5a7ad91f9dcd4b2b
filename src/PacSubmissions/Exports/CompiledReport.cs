using PacSubmissions.Campaigns;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Exports;

/// <summary>
/// The campaign's answers gathered for IFLA's annual summary: every active centre's row, and for each centre that
/// uploaded, the full reading of its report that counts (null when none was archived, e.g. rows older than the reader).
/// </summary>
public sealed record CompiledReport(Campaign Campaign, IReadOnlyList<CompiledCentre> Centres)
{
    /// <summary>The centres that sent a report, in the table's order.</summary>
    public IEnumerable<CompiledCentre> Reported => Centres.Where(c => c.Overview.Counting is not null);

    /// <summary>One question of the form with every reporting centre's answer; null text where a centre did not answer it.</summary>
    public IEnumerable<(string Key, string Title, IReadOnlyList<(CompiledCentre Centre, string? Answer)> Answers)> Questions() =>
        FormSections.All.Select(key => (key, SectionTitles.Of(key),
            (IReadOnlyList<(CompiledCentre, string?)>)[.. Reported.Select(centre => (centre, centre.AnswerTo(key)))]));
}

public sealed record CompiledCentre(CentreOverview Overview, ReportReading? Reading)
{
    public string Name => Overview.Centre.Name;

    /// <summary>The answer's text (<see cref="ReportReading.AnswerTo"/>); null without a reading.</summary>
    public string? AnswerTo(string key) => Reading?.AnswerTo(key);
}

/// <summary>Gathers a <see cref="CompiledReport"/> from the campaign overview and the reading archive.</summary>
public sealed class CompiledReports(ReadingArchive readings)
{
    public async Task<CompiledReport> LoadAsync(CampaignOverview overview, CancellationToken cancellationToken)
    {
        var centres = new List<CompiledCentre>();
        foreach (var row in overview.Centres)
        {
            var reading = row.Counting is { } counting ? await readings.FindAsync(counting.BlobName, cancellationToken) : null;
            centres.Add(new CompiledCentre(row, reading));
        }

        return new CompiledReport(overview.Campaign, centres);
    }
}
