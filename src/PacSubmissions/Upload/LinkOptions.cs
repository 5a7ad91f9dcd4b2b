using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Upload;

public sealed class LinkOptions
{
    public const string Section = "Links";

    public const string SigningSecretSetting = Section + ":" + nameof(SigningSecret);

    /// <summary>
    /// The signing secrets the repository's sample settings carry (the local host's appsettings.json and the Functions
    /// app's local.settings.sample.json): public, so refused outside Development (<see cref="SecretOptionsValidator"/>).
    /// </summary>
    internal static readonly string[] SampleSigningSecrets =
        ["local-development-only-secret-never-use-in-azure", "local-development-secret-change-me-0123456789"];

    [Required(ErrorMessage = "Set " + SigningSecretSetting + " to a random secret of at least 32 characters; it signs every upload link.")]
    [MinLength(32, ErrorMessage = SigningSecretSetting + " must be at least 32 characters long.")]
    public string SigningSecret { get; set; } = "";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(PublicBaseUrl) + " to the address coordinators reach the app at (e.g. https://pac.example.org).")]
    [Url(ErrorMessage = Section + ":" + nameof(PublicBaseUrl) + " must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// How often a fresh link may be sent to one centre on request from a dead link's page; one client address may ask
    /// <see cref="FreshLinkLimits.RequestsPerClient"/> times in the same span, for any links.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = Section + ":" + nameof(FreshLinkInterval) + " must be between 1 minute and 7 days.")]
    public TimeSpan FreshLinkInterval { get; set; } = TimeSpan.FromHours(1);
}
