using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Email;

public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(From) + " to the address e-mails are sent from (verified in SendGrid).")]
    [EmailAddress(ErrorMessage = Section + ":" + nameof(From) + " must be an e-mail address.")]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "IFLA PAC Submissions";

    [Required(ErrorMessage = "Set " + Section + ":" + nameof(HqAddress) + " to IFLA HQ's e-mail address; HQ is told of every submission.")]
    [EmailAddress(ErrorMessage = Section + ":" + nameof(HqAddress) + " must be an e-mail address.")]
    public string HqAddress { get; set; } = "";

    /// <summary>When set, e-mail goes through SendGrid; when empty, it is written to <see cref="OutboxPath"/>.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>Another SendGrid API address (a test server); empty means SendGrid's own.</summary>
    [Url(ErrorMessage = Section + ":" + nameof(SendGridHost) + " must be an absolute URL.")]
    public string? SendGridHost { get; set; }

    /// <summary>Folder where e-mails are written as .eml files when no SendGrid key is set (local runs).</summary>
    public string? OutboxPath { get; set; }

    public bool UsesSendGrid => !string.IsNullOrWhiteSpace(SendGridApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesSendGrid && string.IsNullOrWhiteSpace(OutboxPath))
        {
            yield return new ValidationResult(
                $"Set {Section}:{nameof(SendGridApiKey)} to send e-mail through SendGrid, or {Section}:{nameof(OutboxPath)} to write it to a folder.",
                [nameof(SendGridApiKey), nameof(OutboxPath)]);
        }
    }
}
