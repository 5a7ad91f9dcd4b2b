using PacSubmissions.Campaigns;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Cli;

/// <summary>
/// A <c>pac</c> command that acts on a campaign, given no <c>--year</c>, takes the campaign that takes uploads today, and
/// asks for <c>--year</c> when none or several do; never the newest campaign by default (issue 18: <c>pac extend</c>
/// once extended next year's campaign to a date before it opened).
/// </summary>
public sealed class CampaignChoiceTests
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    /// <summary>A campaign opened for a later year, as HQ does well before it opens: the newest, not yet taking uploads.</summary>
    private static Campaign NextYear(int year) =>
        new(year, Now.AddDays(300), Now.AddDays(400), Campaign.AnywhereOnEarth, Campaign.DefaultGrace, Now.AddDays(430));

    private static string Until => CampaignClock.InZone(Now.AddDays(14), Campaign.AnywhereOnEarth).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task WithoutAYearPacExtendsTheCampaignThatTakesUploadsTodayNotTheNewest()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(Now, 2026), TestData.Centre());
        await pipeline.Get<CampaignStore>().SaveAsync(NextYear(2028), CancellationToken.None);

        var (exit, output, error) = await Pac.RunWithSettingsAsync(pipeline, null, "extend", "kz-almaty", "--until", Until);

        Assert.True(exit == 0, error);
        Assert.StartsWith($"kz-almaty: deadline for 2026 is {Until} 23:59", output, StringComparison.Ordinal);
        Assert.NotNull(await pipeline.Get<CentreDeadlines>().FindAsync(2026, "kz-almaty", CancellationToken.None));
        Assert.Null(await pipeline.Get<CentreDeadlines>().FindAsync(2028, "kz-almaty", CancellationToken.None));
    }

    [Fact]
    public async Task WhenNoCampaignTakesUploadsTodayPacAsksForTheYearAndChangesNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, NextYear(2028), TestData.Centre());
        await pipeline.Get<CampaignStore>().SaveAsync(NextYear(2027) with { OpensAt = Now.AddDays(-400), Deadline = Now.AddDays(-300), LateUploadsCloseAt = Now.AddDays(-270) }, CancellationToken.None);

        var extend = await Pac.RunWithSettingsAsync(pipeline, null, "extend", "kz-almaty", "--until", Until);
        var link = await Pac.RunWithSettingsAsync(pipeline, null, "link", "kz-almaty");

        foreach (var (exit, output, error) in new[] { extend, link })
        {
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Equal("No campaign takes uploads today, so say which one with --year (campaigns: 2027, 2028).", error.Trim());
        }

        Assert.Null(await pipeline.Get<CentreDeadlines>().FindAsync(2028, "kz-almaty", CancellationToken.None));
    }

    [Fact]
    public async Task WhenTwoCampaignsTakeUploadsTodayPacAsksWhichOne()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(Now, 2026), TestData.Centre());
        await pipeline.Get<CampaignStore>().SaveAsync(TestData.OpenCampaign(Now, 2027), CancellationToken.None);

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "extend", "kz-almaty", "--until", Until);
        var named = await Pac.RunWithSettingsAsync(pipeline, null, "extend", "kz-almaty", "--until", Until, "--year", "2027");

        Assert.Equal(1, exit);
        Assert.Equal("The campaigns 2026, 2027 all take uploads today, so say which one with --year.", error.Trim());
        Assert.True(named.Exit == 0, named.Error);
        Assert.Null(await pipeline.Get<CentreDeadlines>().FindAsync(2026, "kz-almaty", CancellationToken.None));
        Assert.NotNull(await pipeline.Get<CentreDeadlines>().FindAsync(2027, "kz-almaty", CancellationToken.None));
    }
}
