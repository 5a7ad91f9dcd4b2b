using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PacSubmissions.Email;
using PacSubmissions.Upload;

namespace PacSubmissions;

/// <summary>
/// Refuses, at start, a secret setting the app must not run with: a Key Vault reference the platform left unresolved
/// (App Service passes the reference text through as the value when it cannot read the secret, and links would then be
/// signed with that public text), and, outside Development, a sample secret from the repository's settings files.
/// </summary>
internal sealed class SecretOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<LinkOptions>, IValidateOptions<EmailOptions>
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>No host (the pac tool builds none) counts as not Development: a sample secret needs the environment said.</summary>
    private bool IsDevelopment => environment?.IsDevelopment() ?? false;

    public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
        Result(Problems(LinkOptions.SigningSecretSetting, options.SigningSecret)
            .Concat(!IsDevelopment && LinkOptions.SampleSigningSecrets.Contains(options.SigningSecret, StringComparer.Ordinal)
                ? [$"{LinkOptions.SigningSecretSetting} is the sample secret from the repository's settings files, which anyone can read; outside Development set a random secret of your own (at least 32 characters)."]
                : []));

    public ValidateOptionsResult Validate(string? name, EmailOptions options) =>
        Result(Problems(EmailOptions.SendGridApiKeySetting, options.SendGridApiKey));

    private static IEnumerable<string> Problems(string setting, string? value)
    {
        if (value?.TrimStart().StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase) == true)
        {
            yield return $"{setting} is still the Key Vault reference {value.Trim()}: the platform could not read the secret. "
                + "Check that the secret exists in the vault and that the app's identity holds Key Vault Secrets User on it (docs/deploy.md).";
        }
    }

    private static ValidateOptionsResult Result(IEnumerable<string> problems) =>
        problems.ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
}
