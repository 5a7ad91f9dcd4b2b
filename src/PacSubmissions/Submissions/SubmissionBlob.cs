using System.Globalization;
using System.Net;

namespace PacSubmissions.Submissions;

/// <summary>
/// What the upload writes on each report blob, and what the processor reads back. The blob's name is the project's
/// (<c>year/centre/submissionId</c>), never the client's file name; that name lives only in the metadata.
/// </summary>
public sealed record SubmissionBlob(
    string CentreId,
    int Year,
    string SubmissionId,
    DateTimeOffset ReceivedAt,
    bool Late,
    string OriginalFileName,
    long Bytes,
    string Sha256)
{
    public string BlobName => NameFor(Year, CentreId, SubmissionId);

    public static string NameFor(int year, string centreId, string submissionId) => CentrePrefix(year, centreId) + submissionId;

    /// <summary>What every blob name of the centre's versions for the year starts with, to list them.</summary>
    public static string CentrePrefix(int year, string centreId) => $"{year.ToString(CultureInfo.InvariantCulture)}/{centreId}/";

    /// <summary>True for ids <see cref="NewSubmissionId"/> makes; anything else is refused before it reaches storage.</summary>
    public static bool IsValidSubmissionId(string id) =>
        id.Length == 28 && id[8] == 'T' && id[18] == 'Z' && id[19] == '-' && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string NewSubmissionId(DateTimeOffset receivedAt) =>
        $"{receivedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    public IDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        ["centre"] = CentreId,
        ["year"] = Year.ToString(CultureInfo.InvariantCulture),
        ["submissionid"] = SubmissionId,
        ["receivedat"] = ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        ["late"] = Late ? "true" : "false",
        // Metadata values must be ASCII; file names come in every script.
        ["originalname"] = WebUtility.UrlEncode(OriginalFileName),
        ["bytes"] = Bytes.ToString(CultureInfo.InvariantCulture),
        ["sha256"] = Sha256,
    };

    /// <summary>Reads the metadata back; null when the blob was not written by the upload (a stray file in the container).</summary>
    public static SubmissionBlob? FromMetadata(IDictionary<string, string> metadata)
    {
        var values = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        if (!values.TryGetValue("centre", out var centre)
            || !values.TryGetValue("year", out var yearText) || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !values.TryGetValue("submissionid", out var submissionId)
            || !values.TryGetValue("receivedat", out var receivedText)
            || !DateTimeOffset.TryParse(receivedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var receivedAt)
            || !values.TryGetValue("late", out var late)
            || !values.TryGetValue("bytes", out var bytesText) || !long.TryParse(bytesText, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            || !values.TryGetValue("sha256", out var sha256))
        {
            return null;
        }

        values.TryGetValue("originalname", out var originalName);
        return new SubmissionBlob(centre, year, submissionId, receivedAt, late == "true",
            WebUtility.UrlDecode(originalName ?? ""), bytes, sha256);
    }
}
