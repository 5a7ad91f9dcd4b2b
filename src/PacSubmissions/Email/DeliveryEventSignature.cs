using System.Security.Cryptography;
using System.Text;

namespace PacSubmissions.Email;

/// <summary>
/// The signature of SendGrid's Signed Event Webhook: ECDSA P-256 with SHA-256 over the
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c> header's value followed by the raw body, sent base64 (DER) in
/// <c>X-Twilio-Email-Event-Webhook-Signature</c>, checked with the public key SendGrid shows (base64 SubjectPublicKeyInfo).
/// </summary>
public static class DeliveryEventSignature
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>Why <paramref name="publicKey"/> is not a key SendGrid could sign with, or null when it is one.</summary>
    public static string? KeyProblem(string publicKey)
    {
        try
        {
            using var key = Import(publicKey);
            return key.KeySize == 256 && key.ExportParameters(false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                ? null
                : "it is an elliptic-curve key, but not on P-256, the curve SendGrid signs with";
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return "it is not a base64 public key (copy the whole \"Verification Key\" from SendGrid's Signed Event Webhook setting)";
        }
    }

    /// <summary>The key from its base64 SubjectPublicKeyInfo; throws <see cref="FormatException"/> or <see cref="CryptographicException"/> for anything else.</summary>
    public static ECDsa Import(string publicKey)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey.Trim()), out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="signature"/> (base64 DER) signs <paramref name="timestamp"/> followed by <paramref name="body"/>.</summary>
    public static bool Verifies(ECDsa key, string timestamp, ReadOnlySpan<byte> body, string signature)
    {
        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        byte[] der;
        try
        {
            der = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return key.VerifyData(signed, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
