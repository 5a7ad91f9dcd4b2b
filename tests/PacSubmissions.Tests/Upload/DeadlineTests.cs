using System.Net;
using System.Net.Http.Json;
using PacSubmissions.Campaigns;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>The deadline edges, with the campaign in Paris time (UTC+2 in July) so a zone mistake shows as two hours.</summary>
public sealed class DeadlineTests
{
    private static readonly Campaign Paris = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), "Europe/Paris");

    public static TheoryData<string, int, bool?> Edges => new()
    {
        // (edge, seconds from it, late?) — null: refused, with 409 before uploads open, and after late uploads close
        // with the dead link's 403, as the link no longer works.
        { "opens", -1, null },
        { "opens", 0, false },
        { "deadline", -1, false },
        { "deadline", 1, false },
        { "grace end", 0, false },
        { "grace end", 1, true },
        { "late close", 0, true },
        { "late close", 1, null },
    };

    [Fact]
    public void ParisDeadlineIsFifteenJulyAt235959LocalTime()
    {
        Assert.Equal(new DateTimeOffset(2030, 7, 15, 21, 59, 59, TimeSpan.Zero), Paris.Deadline);
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task UploadAtTheEdgeIsOnTimeLateOrRefused(string edge, int seconds, bool? late)
    {
        var instant = EdgeOf(edge).AddSeconds(seconds);
        await using var site = await UploadSite.StartAsync(instant, Paris);

        using var response = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "r.pdf");

        if (late is null)
        {
            Assert.Equal(edge == "late close" ? HttpStatusCode.Forbidden : HttpStatusCode.Conflict, response.StatusCode);
            Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(Paris.Year, site.Centre.Id, CancellationToken.None));
            return;
        }

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.Equal(late, accepted!.Late);
    }

    [Fact]
    public async Task PagesSayWhenUploadsOpenThatTheyAreLateAndWhomToContactWhenTheLinkDiesWithTheLateWindow()
    {
        await using var site = await UploadSite.StartAsync(Paris.OpensAt.AddDays(-1), Paris);

        // Decoded as a browser reads them: the pages write "+" as "&#x2B;".
        var beforeOpening = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());
        site.Clock.SetUtcNow(Paris.OnTimeUntil().AddSeconds(1));
        var late = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());
        site.Clock.SetUtcNow(Paris.LateUploadsCloseAt.AddSeconds(1));
        var closed = await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync();

        Assert.Contains("Uploads open on Friday, 1 March 2030 at 01:00 (Paris, UTC+1).", beforeOpening, StringComparison.Ordinal);
        Assert.DoesNotContain("upload-form", beforeOpening, StringComparison.Ordinal);
        Assert.Contains("id=\"late-notice\"", late, StringComparison.Ordinal);
        Assert.Contains("upload-form", late, StringComparison.Ordinal);
        Assert.Contains($"mailto:{TestSettings.HqAddress}", closed, StringComparison.Ordinal);
        Assert.Contains("id=\"fresh-link\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("upload-form", closed, StringComparison.Ordinal);
        Assert.Contains("Monday, 15 July 2030 at 23:59 (Paris, UTC+2)", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendedCentreIsOnTimeWhileOthersAreLate()
    {
        var afterGrace = Paris.OnTimeUntil().AddMinutes(5);
        await using var site = await UploadSite.StartAsync(afterGrace, Paris);
        var other = TestData.Centre("br-rio", "PAC Centre Rio");
        await TestData.SeedAsync(site.Server.Services, Paris, other);
        await site.Server.Get<CentreDeadlines>().ExtendAsync(Paris.Year, site.Centre.Id,
            CampaignClock.ToUtc(new DateTime(2030, 7, 31, 23, 59, 0, DateTimeKind.Unspecified), Paris.TimeZone), CancellationToken.None);

        using var extended = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "r.pdf");
        using var notExtended = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "r.pdf", site.LinkFor(other.Id));
        var page = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());

        Assert.False((await extended.Content.ReadFromJsonAsync<UploadAccepted>())!.Late);
        Assert.True((await notExtended.Content.ReadFromJsonAsync<UploadAccepted>())!.Late);
        Assert.Contains("Wednesday, 31 July 2030 at 23:59 (Paris, UTC+2)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("late-notice", page, StringComparison.Ordinal);
    }

    private static DateTimeOffset EdgeOf(string edge) => edge switch
    {
        "opens" => Paris.OpensAt,
        "deadline" => Paris.Deadline,
        "grace end" => Paris.OnTimeUntil(),
        "late close" => Paris.LateUploadsCloseAt,
        _ => throw new ArgumentOutOfRangeException(nameof(edge)),
    };
}
