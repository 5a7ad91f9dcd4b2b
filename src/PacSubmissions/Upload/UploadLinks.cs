using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;

namespace PacSubmissions.Upload;

/// <summary>A verified upload link: it names the centre and campaign year, and it has not expired.</summary>
public sealed record UploadLink(string CentreId, int Year, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt);

/// <summary>
/// Signs and checks the personal upload links. A token is <c>centre.year.expiry.issued.signature</c>, where the
/// signature is HMAC-SHA256 over the first four parts with the configured secret: changing the secret invalidates every
/// link, and <see cref="LinkRevocations"/> invalidates one centre's links issued before a given instant.
/// </summary>
public sealed class UploadLinks(IOptions<LinkOptions> options, TimeProvider clock)
{
    private const string Purpose = "pac-upload-v2";

    /// <summary>
    /// A token's own expiry is only a backstop, far enough past the late window for HQ to widen the window or extend a
    /// centre after the link was sent: a link stops working when its centre's own late window closes, which
    /// <see cref="UploadAccess"/> checks against the campaign and the centre's extension at every use.
    /// </summary>
    public static readonly TimeSpan ExpiryAfterLateWindow = TimeSpan.FromDays(90);

    /// <summary>
    /// How far a token's issue time may lie ahead of this machine's clock (another instance's clock may run a little
    /// fast). Beyond it the token is refused: a link "issued" in the future would outlive a revocation made before then.
    /// </summary>
    public static readonly TimeSpan IssueClockSkew = TimeSpan.FromMinutes(5);

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public string CreateToken(string centreId, Campaign campaign) =>
        CreateToken(centreId, campaign.Year, campaign.LateUploadsCloseAt + ExpiryAfterLateWindow);

    public string CreateToken(string centreId, int year, DateTimeOffset expiresAt)
    {
        if (CentreId.Problem(centreId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(centreId));
        }

        var payload = Payload(centreId, year, expiresAt.ToUnixTimeSeconds(), clock.GetUtcNow().ToUnixTimeMilliseconds());
        return $"{payload}.{Base64Url(Sign(payload))}";
    }

    public Uri CreateUrl(string centreId, Campaign campaign) =>
        RouteUrl.Absolute(options.Value.PublicBaseUrl, UploadRoutes.PagePath(CreateToken(centreId, campaign)));

    /// <summary>
    /// The link the token stands for, or null when it is malformed, forged, expired or not in its one canonical
    /// spelling (numbers without leading zeros, the signature as <see cref="CreateToken(string, int, DateTimeOffset)"/>
    /// writes it: no padding, no spare bits set): callers cannot tell which.
    /// </summary>
    public UploadLink? Verify(string? token) =>
        ReadSigned(token) is { } link && clock.GetUtcNow() <= link.ExpiresAt ? link : null;

    /// <summary>
    /// The link a token we signed stands for, expired or not (null when it is malformed, forged, not in its canonical
    /// spelling or issued further ahead than <see cref="IssueClockSkew"/>): whom a fresh link may be sent to, never a way in.
    /// </summary>
    public UploadLink? ReadSigned(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 5
            || !CentreId.IsValid(parts[0])
            || CanonicalNumber(parts[1], int.MaxValue) is not { } yearNumber
            || CanonicalNumber(parts[2], MaxUnixSeconds) is not { } expiresUnix
            || CanonicalNumber(parts[3], MaxUnixMilliseconds) is not { } issuedUnixMs)
        {
            return null;
        }

        var year = (int)yearNumber;
        var expected = Sign(Payload(parts[0], year, expiresUnix, issuedUnixMs));
        var given = FromBase64Url(parts[4]);
        if (given is null || !CryptographicOperations.FixedTimeEquals(expected, given) || Base64Url(given) != parts[4])
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(issuedUnixMs);
        return issuedAt > clock.GetUtcNow() + IssueClockSkew ? null : new UploadLink(parts[0], year, expiresAt, issuedAt);
    }

    /// <summary>A number as <see cref="Payload"/> writes it (ASCII digits, no sign, no leading zero) up to <paramref name="max"/>.</summary>
    private static long? CanonicalNumber(string text, long max) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value <= max
        && text == value.ToString(CultureInfo.InvariantCulture) ? value : null;

    private static string Payload(string centreId, int year, long expiresUnix, long issuedUnixMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{centreId}.{year}.{expiresUnix}.{issuedUnixMs}");

    private byte[] Sign(string payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.SigningSecret), Encoding.UTF8.GetBytes($"{Purpose}|{payload}"));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[]? FromBase64Url(string text)
    {
        // TryDecodeFromChars throws on a character outside the alphabet; a forged link must get the plain 403 instead.
        if (!System.Buffers.Text.Base64Url.IsValid(text))
        {
            return null;
        }

        var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        return System.Buffers.Text.Base64Url.TryDecodeFromChars(text, buffer, out var written) ? buffer[..written] : null;
    }
}
