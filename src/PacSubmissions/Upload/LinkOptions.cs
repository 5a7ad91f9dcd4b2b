using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Upload;

public sealed class LinkOptions
{
    public const string Section = "Links";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(SigningSecret) + " to a random secret of at least 32 characters; it signs every upload link.")]
    [MinLength(32, ErrorMessage = Section + ":" + nameof(SigningSecret) + " must be at least 32 characters long.")]
    public string SigningSecret { get; set; } = "";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(PublicBaseUrl) + " to the address coordinators reach the app at (e.g. https://pac.example.org).")]
    [Url(ErrorMessage = Section + ":" + nameof(PublicBaseUrl) + " must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = "";
}
