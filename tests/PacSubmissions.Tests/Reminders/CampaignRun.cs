using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// <see cref="CampaignScenario"/> through the real services on Azurite: the timer's run at 12:00 UTC on the key days, and
/// each submission recorded and notified (as the processor does) at the instant it was processed.
/// </summary>
public sealed class CampaignRun(TestPipeline pipeline, FakeTimeProvider clock)
{
    public TestPipeline Pipeline { get; } = pipeline;

    public FakeTimeProvider Clock { get; } = clock;

    public static async Task<CampaignRun> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(CampaignScenario.Campaign.OpensAt);
        var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), settings);
        await TestData.SeedAsync(pipeline.Services, CampaignScenario.Campaign, [.. CampaignScenario.Centres]);
        return new CampaignRun(pipeline, clock);
    }

    /// <summary>
    /// Plays the campaign; <paramref name="beforeEach"/> sees each instant first (to make SendGrid fail, say);
    /// <paramref name="moreRuns"/> are runs of the timer beside the key days' (every hour of a stretch, say).
    /// </summary>
    public async Task<List<ReminderRunItem>> PlayAsync(Action<DateTimeOffset>? beforeEach = null, IEnumerable<DateTimeOffset>? moreRuns = null)
    {
        var results = new List<ReminderRunItem>();
        var runs = KeyDays().Union(moreRuns ?? []).Select(day => (At: day, Submission: (Submission?)null)).ToList();

        runs.AddRange(CampaignScenario.Submissions.Select(s => (s.ProcessedAt, (Submission?)s)));
        foreach (var (at, submission) in runs.OrderBy(r => r.At))
        {
            Clock.SetUtcNow(at);
            beforeEach?.Invoke(at);
            if (submission is null)
            {
                results.AddRange(await Pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None));
                continue;
            }

            await Pipeline.Get<SubmissionStore>().SaveAsync(submission, CancellationToken.None);
            var centre = CampaignScenario.Centres.Single(c => c.Id == submission.CentreId);
            var reading = centre == CampaignScenario.Incomplete ? CampaignScenario.IncompleteReading : null;
            await Pipeline.Get<SubmissionNotifications>().SendAsync(submission, centre, reading, CancellationToken.None);
        }

        return results;
    }

    /// <summary>
    /// The days (at 12:00 UTC) a run has something to send, each with the day after (to catch up failures, and to show a
    /// run with nothing due sends nothing), plus the opening and the end. Every day would do too, only slower.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> KeyDays()
    {
        var noon = (DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Date.AddHours(at.UtcDateTime.Hour <= 12 ? 12 : 36), TimeSpan.Zero);
        var sent = CampaignScenario.PlayHourly(CampaignScenario.Hours(CampaignScenario.Campaign.OpensAt, CampaignScenario.End));
        var days = new SortedSet<DateTimeOffset> { noon(CampaignScenario.Campaign.OpensAt), noon(CampaignScenario.End - TimeSpan.FromDays(1)) };
        foreach (var (_, at) in sent)
        {
            days.Add(noon(at));
            days.Add(noon(at).AddDays(1));
        }

        foreach (var submission in CampaignScenario.Submissions)
        {
            days.Add(noon(submission.ProcessedAt));
            days.Add(noon(submission.ProcessedAt).AddDays(1));
        }

        return [.. days];
    }

    /// <summary>Every e-mail the scenario must produce in the end, by key, whoever sends it.</summary>
    public static IReadOnlyList<string> ExpectedKeys()
    {
        var year = CampaignScenario.Campaign.Year;
        var keys = new List<string>();
        foreach (var (centre, emails) in CampaignScenario.TimerEmails)
        {
            keys.AddRange(emails.Select(e => $"{year}|{centre}|{e}"));
        }

        keys.AddRange(CampaignScenario.HqTimerEmails.Select(e => $"{year}|{e}"));
        foreach (var submission in CampaignScenario.Submissions)
        {
            keys.Add($"{year}|{submission.CentreId}|{EmailKinds.SubmissionReceived}|{submission.SubmissionId}");
            if (submission.CentreId != CampaignScenario.NoAddress.Id)
            {
                keys.Add($"{year}|{submission.CentreId}|{EmailKinds.Receipt}|{submission.SubmissionId}");
            }
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
