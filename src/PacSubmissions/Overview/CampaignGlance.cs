using PacSubmissions.Campaigns;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Overview;

/// <summary>The campaign's centre × question grid: the form's questions (keys, in the form's order) and one row per active centre.</summary>
public sealed record AnswerGrid(CampaignOverview Overview, IReadOnlyList<string> Questions, IReadOnlyList<AnswerGridRow> Rows);

/// <summary>One centre's answer to one question in its report that counts; <see cref="Answer"/> null when it gave none.</summary>
public sealed record CentreAnswer(CentreOverview Centre, string? Answer);

/// <summary>Every active centre's answer to one question of the campaign's form, in the campaign table's order.</summary>
public sealed record QuestionAnswers(CampaignOverview Overview, string Key, string Title, IReadOnlyList<CentreAnswer> Answers);

/// <summary>One campaign's reading of a centre's report that counts, for the centre's answers year beside year; null reading: none.</summary>
public sealed record YearAnswers(int Year, ReportReading? Reading);

/// <summary>
/// A centre across campaigns: its on-time record for every campaign up to the one shown (newest first), and the
/// readings of its reports that count in that campaign and the two before, for its answers side by side.
/// </summary>
public sealed record CentreHistory(IReadOnlyList<OnTimeYear> Record, IReadOnlyList<YearAnswers> Years);

/// <summary>
/// What HQ sees of a campaign at a glance, beyond the table: the grid, the progress over time, a question's answers
/// across centres, and a centre across years. Every answer comes from the version that counts now
/// (<see cref="CountingVersion"/>), read live from the reading archive, as the compiled report is.
/// </summary>
public sealed class CampaignGlance(
    CampaignOverviews overviews,
    CampaignStore campaigns,
    SubmissionStore submissions,
    ReadingArchive readings,
    CentreDeadlines deadlines,
    TimeProvider clock)
{
    /// <summary>How many campaigns a centre's answers are shown across: the one shown, last year's and the year before.</summary>
    public const int YearsSideBySide = 3;

    public async Task<AnswerGrid?> GridAsync(int year, CancellationToken cancellationToken)
    {
        if (await overviews.LoadAsync(year, cancellationToken) is not { } overview)
        {
            return null;
        }

        var questions = overview.Campaign.Form().Keys;
        var rows = new List<AnswerGridRow>();
        foreach (var centre in overview.Centres)
        {
            rows.Add(AnswerGridRow.Of(centre, await ReadingOfAsync(centre.Counting, cancellationToken), questions));
        }

        return new AnswerGrid(overview, questions, rows);
    }

    public async Task<CampaignProgress?> ProgressAsync(int year, string hqZone, CancellationToken cancellationToken) =>
        await overviews.LoadAsync(year, cancellationToken) is { } overview ? CampaignProgress.Of(overview, clock.GetUtcNow(), hqZone) : null;

    /// <summary>The answers to <paramref name="key"/>; null when there is no such campaign, or its form has no such question.</summary>
    public async Task<QuestionAnswers?> QuestionAsync(int year, string key, CancellationToken cancellationToken)
    {
        if (await overviews.LoadAsync(year, cancellationToken) is not { } overview || overview.Campaign.Form().Question(key) is null)
        {
            return null;
        }

        var answers = new List<CentreAnswer>();
        foreach (var centre in overview.Centres)
        {
            answers.Add(new CentreAnswer(centre, (await ReadingOfAsync(centre.Counting, cancellationToken))?.AnswerTo(key)));
        }

        return new QuestionAnswers(overview, key, overview.Campaign.Form().TitleOf(key), answers);
    }

    public async Task<CentreHistory> HistoryAsync(Campaign shown, string centreId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = new List<OnTimeYear>();
        var years = new List<YearAnswers>();
        foreach (var campaign in (await campaigns.ListAsync(cancellationToken)).Where(c => c.Year <= shown.Year).OrderByDescending(c => c.Year))
        {
            var versions = (await submissions.ListAsync(campaign.Year, cancellationToken)).Where(s => s.CentreId == centreId && s.ReceivedAt <= now);
            var year = OnTimeYear.Of(campaign, CountingVersion.Of(versions), await deadlines.FindAsync(campaign.Year, centreId, cancellationToken), now);
            record.Add(year);
            if (campaign.Year > shown.Year - YearsSideBySide)
            {
                years.Add(new YearAnswers(campaign.Year, await ReadingOfAsync(year.Report, cancellationToken)));
            }
        }

        return new CentreHistory(record, years);
    }

    private async Task<ReportReading?> ReadingOfAsync(Submission? counting, CancellationToken cancellationToken) =>
        counting is not null && CountingVersion.IsReadable(counting) ? await readings.FindAsync(counting.BlobName, cancellationToken) : null;
}
