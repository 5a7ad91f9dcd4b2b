using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PacSubmissions.Dashboard.Pages;
using PacSubmissions.Email;
using PacSubmissions.Overview;

namespace PacSubmissions.Dashboard;

/// <summary>Serves the pages that show a campaign at a glance: the centre × question grid, the progress over time, one question's answers.</summary>
public sealed class GlanceHandler(DashboardHandler dashboard, CampaignGlance glance, IOptions<EmailOptions> email)
{
    public Task<IActionResult> AnswersAsync(HttpRequest request, int year, CancellationToken cancellationToken) =>
        dashboard.CampaignViewAsync<AnswersPage>(request, year, $"There is no campaign {year}.", async links =>
            await glance.GridAsync(year, cancellationToken) is { } grid
                ? new() { [nameof(AnswersPage.Links)] = links, [nameof(AnswersPage.Grid)] = grid }
                : null, cancellationToken);

    public Task<IActionResult> ProgressAsync(HttpRequest request, int year, CancellationToken cancellationToken) =>
        dashboard.CampaignViewAsync<ProgressPage>(request, year, $"There is no campaign {year}.", async links =>
            await glance.ProgressAsync(year, email.Value.HqTimeZone, cancellationToken) is { } progress
                ? new() { [nameof(ProgressPage.Links)] = links, [nameof(ProgressPage.Progress)] = progress }
                : null, cancellationToken);

    public Task<IActionResult> QuestionAsync(HttpRequest request, int year, string question, CancellationToken cancellationToken) =>
        dashboard.CampaignViewAsync<QuestionPage>(request, year, $"Campaign {year}'s form has no question '{question}'.", async links =>
            await glance.QuestionAsync(year, question, cancellationToken) is { } answers
                ? new() { [nameof(QuestionPage.Links)] = links, [nameof(QuestionPage.Answers)] = answers }
                : null, cancellationToken);
}
