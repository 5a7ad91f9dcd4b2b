using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

public sealed class UploadLinkTokenTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static UploadLinks Links(string secret = "a-signing-secret-of-at-least-32-characters", TimeProvider? clock = null) =>
        new(Options.Create(new LinkOptions { SigningSecret = secret, PublicBaseUrl = "https://pac.example.org" }), clock ?? new FakeTimeProvider(Now));

    [Fact]
    public void TokenNamesItsCentreAndYear()
    {
        var links = Links();
        var token = links.CreateToken("kz-almaty", 2030, Now.AddDays(30));

        var link = links.Verify(token);

        Assert.Equal(("kz-almaty", 2030, DateTimeOffset.FromUnixTimeSeconds(Now.AddDays(30).ToUnixTimeSeconds())),
            (link?.CentreId, link?.Year, link?.ExpiresAt));
    }

    [Theory]
    [InlineData("kz-almaty", "kz-astana")]
    [InlineData(".2030.", ".2031.")]
    public void TamperedTokenIsRefused(string original, string replacement)
    {
        var links = Links();
        var token = links.CreateToken("kz-almaty", 2030, Now.AddDays(30));

        Assert.Null(links.Verify(token.Replace(original, replacement, StringComparison.Ordinal)));
    }

    [Fact]
    public void ExpiredTokenIsRefused()
    {
        var clock = new FakeTimeProvider(Now);
        var links = Links(clock: clock);
        var token = links.CreateToken("kz-almaty", 2030, Now.AddDays(1));

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        Assert.Null(links.Verify(token));
    }

    [Fact]
    public void AnExpiredTokenOfOursStillNamesItsCentreForAFreshLinkButAForgedOneDoesNot()
    {
        var clock = new FakeTimeProvider(Now);
        var links = Links(clock: clock);
        var token = links.CreateToken("kz-almaty", 2029, Now.AddDays(1));
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(("kz-almaty", 2029), (links.ReadSigned(token)?.CentreId, links.ReadSigned(token)?.Year));
        Assert.Null(links.Verify(token));
        Assert.Null(links.ReadSigned(token.Replace("kz-almaty", "kz-astana", StringComparison.Ordinal)));
        Assert.Null(Links(secret: "another-signing-secret-of-32-characters-x").ReadSigned(token));
    }

    [Fact]
    public void ChangingTheSecretInvalidatesOldLinks()
    {
        var token = Links().CreateToken("kz-almaty", 2030, Now.AddDays(30));

        Assert.Null(Links(secret: "another-signing-secret-of-32-characters-x").Verify(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("kz-almaty.2030.123")]
    [InlineData("kz-almaty.year.123.c2ln")]
    [InlineData("kz-almaty.2030.123.!!!")]
    public void MalformedTokenIsRefused(string token) => Assert.Null(Links().Verify(token));

    [Fact]
    public void LinkUrlPointsAtTheUploadRoute()
    {
        var campaign = Campaigns.CampaignTests.Sample2030();

        var url = Links().CreateUrl("kz-almaty", campaign);

        Assert.StartsWith("https://pac.example.org/api/upload/kz-almaty.2030.", url.ToString(), StringComparison.Ordinal);
    }
}
