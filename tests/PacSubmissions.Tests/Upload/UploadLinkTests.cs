using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

public sealed class UploadLinkTests
{
    [Fact]
    public async Task TamperedExpiredOtherYearAndUnknownLinksAllGetTheSame403()
    {
        await using var site = await UploadSite.StartAsync();
        var links = site.Server.Get<UploadLinks>();
        var token = site.Url[(site.Url.LastIndexOf('/') + 1)..];
        var parts = token.Split('.');
        var badTokens = new Dictionary<string, string>
        {
            ["tampered centre"] = string.Join('.', ["xx-other", .. parts[1..]]),
            ["tampered signature"] = string.Join('.', [.. parts[..4], parts[4][..^2] + (parts[4].EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA")]),
            ["expired"] = links.CreateToken(site.Centre.Id, site.Campaign.Year, site.Clock.GetUtcNow().AddSeconds(-1)),
            ["other year"] = links.CreateToken(site.Centre.Id, site.Campaign.Year + 1, site.Clock.GetUtcNow().AddDays(30)),
            ["unknown centre"] = links.CreateToken("zz-nowhere", site.Campaign.Year, site.Clock.GetUtcNow().AddDays(30)),
            ["garbage"] = "not-a-token",
        };

        var pages = new HashSet<string>(StringComparer.Ordinal);
        var details = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, bad) in badTokens)
        {
            var url = $"{site.Server.BaseAddress}api/upload/{bad}";
            using var page = await site.GetAsync(url);
            using var post = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), url: url);
            using var status = await site.GetAsync($"{url}/status/20300101T000000000Z-00000000", accept: "application/json");

            Assert.True(page.StatusCode == HttpStatusCode.Forbidden, kind);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, status.StatusCode);
            // The same page for all, but for the token its fresh-link form sends back.
            pages.Add((await page.Content.ReadAsStringAsync()).Replace($"/api/upload/{bad}/fresh-link", "/api/upload/TOKEN/fresh-link", StringComparison.Ordinal));
            details.Add((await post.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!);
        }

        Assert.Contains("ask IFLA HQ for a new link", Assert.Single(pages), StringComparison.Ordinal);
        Assert.Contains("ask IFLA HQ for a new link", Assert.Single(details), StringComparison.Ordinal);
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RotatingTheSecretInvalidatesEveryOldLink()
    {
        await using var site = await UploadSite.StartAsync();
        var oldUrl = site.Url;
        await using var rotated = await LocalHostServer.StartAsync(site.Clock, new() { ["Links:SigningSecret"] = "a-brand-new-secret-0123456789-abcdefghijklmnop" });
        await TestData.SeedAsync(rotated.Services, site.Campaign, site.Centre);
        var oldToken = oldUrl[(oldUrl.LastIndexOf('/') + 1)..];
        var newUrl = rotated.Get<UploadLinks>().CreateUrl(site.Centre.Id, site.Campaign).ToString();

        using var old = await rotated.Client.GetAsync($"{rotated.BaseAddress}api/upload/{oldToken}");
        using var fresh = await rotated.Client.GetAsync(newUrl);

        Assert.Equal(HttpStatusCode.Forbidden, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task RevokingOneCentreLeavesOtherCentresAndNewLinksWorking()
    {
        await using var site = await UploadSite.StartAsync();
        var other = TestData.Centre("br-rio", "PAC Centre Rio");
        await TestData.SeedAsync(site.Server.Services, site.Campaign, other);
        var otherUrl = site.LinkFor(other.Id);
        site.Clock.Advance(TimeSpan.FromSeconds(1));

        await site.Server.Get<LinkRevocations>().RevokeAsync(site.Centre.Id, CancellationToken.None);
        site.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var newUrl = site.LinkFor(site.Centre.Id);

        using var revoked = await site.GetAsync(site.Url);
        using var untouched = await site.GetAsync(otherUrl);
        using var reissued = await site.GetAsync(newUrl);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
    }

    [Fact]
    public async Task ALinkIssuedInTheSameMillisecondAsTheRevocationWorks()
    {
        // What `pac link --revoke` does: revoke, then print a new link at once, here within one millisecond.
        await using var site = await UploadSite.StartAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(4_567));

        await site.Server.Get<LinkRevocations>().RevokeAsync(site.Centre.Id, CancellationToken.None);
        site.Clock.Advance(TimeSpan.FromTicks(100));
        var newUrl = site.LinkFor(site.Centre.Id);

        using var reissued = await site.GetAsync(newUrl);
        using var revoked = await site.GetAsync(site.Url);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
    }

    [Fact]
    public async Task InactiveCentreLinkGets403()
    {
        await using var site = await UploadSite.StartAsync(centre: TestData.Centre() with { Active = false });

        using var response = await site.GetAsync(site.Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
