using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PacSubmissions.Email;

public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options) : IEmailSender
{
    /// <summary>Carried in SendGrid's custom args, so SendGrid's own event log can be matched to the ledger.</summary>
    public const string KeyArgument = "pac_email_key";

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(options.Value.From, options.Value.FromName),
            new EmailAddress(message.To),
            message.Subject,
            message.Text,
            message.Html);
        mail.AddCustomArg(KeyArgument, message.Key.ToString());

        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new EmailSendException($"SendGrid could not be reached: {exception.Message}", permanent: false, inner: exception);
        }

        // The client does not throw on 4xx/5xx: the status decides.
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : "";
        }

        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        var permanent = status is >= 400 and < 500 and not 408 and not 429;
        throw new EmailSendException($"SendGrid refused the e-mail with {status}: {Truncate(body)}", permanent, status);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
