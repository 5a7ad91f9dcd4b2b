using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PacSubmissions.Tests.Email;

/// <summary>Posts of SendGrid's Event Webhook as SendGrid signs them: ECDSA P-256 over the timestamp's text followed by the body's bytes.</summary>
public static class SendGridEvents
{
    /// <summary>The key's public half as SendGrid shows its Verification Key: base64 SubjectPublicKeyInfo.</summary>
    public static string VerificationKey(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <param name="sent">A body to send in place of the one signed (a body changed on the way).</param>
    public static HttpRequestMessage Post(Uri uri, string body, DateTimeOffset at, ECDsa key, string? sent = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(sent ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add(PacSubmissions.Email.DeliveryEventSignature.SignatureHeader, Convert.ToBase64String(signature));
        request.Headers.Add(PacSubmissions.Email.DeliveryEventSignature.TimestampHeader, timestamp);
        return request;
    }
}
