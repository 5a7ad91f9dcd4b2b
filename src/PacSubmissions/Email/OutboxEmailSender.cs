using Microsoft.Extensions.Options;
using MimeKit;

namespace PacSubmissions.Email;

/// <summary>Writes each e-mail as an .eml file (openable in any mail program) when no SendGrid key is configured.</summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    /// <summary>The header each .eml carries its <see cref="EmailKey"/> in, so a reader of the folder can tell e-mails apart.</summary>
    public const string KeyHeader = "X-Pac-Email-Key";

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.OutboxPath!;
        Directory.CreateDirectory(folder);

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = clock.GetUtcNow();
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("pac-submissions.local");
        mime.Headers.Add(KeyHeader, message.Key.ToString());
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();

        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Safe(message.Key.ToString())}.eml";
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        await mime.WriteToAsync(temporary, cancellationToken);
        // Readers of the folder see whole files only.
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
        return mime.MessageId;
    }

    private static string Safe(string key) =>
        new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
