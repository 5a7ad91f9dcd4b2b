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

    /// <summary>Spellings that decode to the same values and signature: each one token, so only one may verify.</summary>
    [Theory]
    [InlineData("leading zero in the year")]
    [InlineData("leading zero in the expiry")]
    [InlineData("leading zero in the issue time")]
    [InlineData("base64 padding")]
    [InlineData("spare bits of the last signature character")]
    public void OnlyTheCanonicalSpellingOfATokenVerifies(string respelling)
    {
        var links = Links();
        var token = links.CreateToken("kz-almaty", 2030, Now.AddDays(30));
        var parts = token.Split('.');
        var signature = parts[4];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        string[] other = respelling switch
        {
            "leading zero in the year" => [parts[0], "0" + parts[1], parts[2], parts[3], signature],
            "leading zero in the expiry" => [parts[0], parts[1], "0" + parts[2], parts[3], signature],
            "leading zero in the issue time" => [parts[0], parts[1], parts[2], "00" + parts[3], signature],
            "base64 padding" => [parts[0], parts[1], parts[2], parts[3], signature + "="],
            // 32 bytes fill 43 characters but for their last 2 bits, which a lenient decoder ignores.
            _ => [parts[0], parts[1], parts[2], parts[3], signature[..^1] + alphabet[alphabet.IndexOf(signature[^1], StringComparison.Ordinal) ^ 1]],
        };

        Assert.NotNull(links.Verify(token));
        Assert.Null(links.Verify(string.Join('.', other)));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    [InlineData(60 * 24 * 365, false)]
    public void ATokenIssuedInTheFutureIsRefusedBeyondASmallClockSkew(int minutesAhead, bool verifies)
    {
        var fastClock = new FakeTimeProvider(Now.AddMinutes(minutesAhead));
        var token = Links(clock: fastClock).CreateToken("kz-almaty", 2030, Now.AddDays(400));

        Assert.Equal(verifies, Links().Verify(token) is not null);
    }

    [Fact]
    public void LinkUrlPointsAtTheUploadRoute()
    {
        var campaign = Campaigns.CampaignTests.Sample2030();

        var url = Links().CreateUrl("kz-almaty", campaign);

        Assert.StartsWith("https://pac.example.org/api/upload/kz-almaty.2030.", url.ToString(), StringComparison.Ordinal);
    }
}
