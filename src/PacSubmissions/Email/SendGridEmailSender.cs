using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PacSubmissions.Email;

/// <summary>
/// Sends through SendGrid's v3 mail/send, over the client of <see cref="SendGridResilience"/>, which has already tried
/// transient failures again. What still fails is an <see cref="EmailSendException"/>: non-permanent for <c>429</c>,
/// <c>5xx</c>, network errors and timeouts, which the ledger records as "failed" so the next reminder run tries again;
/// permanent for other 4xx (400 bad request, 401/403 bad key), where retrying cannot help.
/// </summary>
internal sealed class SendGridEmailSender(IHttpClientFactory httpClients, IOptions<EmailOptions> options) : IEmailSender
{
    /// <summary>Carried in SendGrid's custom args, so SendGrid's own event log can be matched to the ledger.</summary>
    public const string KeyArgument = "pac_email_key";

    private const string DefaultHost = "https://api.sendgrid.com";

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var email = options.Value;
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(email.From, email.FromName),
            new EmailAddress(message.To),
            message.Subject,
            message.Text,
            message.Html);
        mail.AddCustomArg(KeyArgument, message.Key.ToString());
        // Click tracking rewrites every link through SendGrid's own domain: a coordinator's upload link (a credential)
        // would then pass through, and be logged by, a third party, and look like a phishing link. Our e-mails carry
        // such links (upload links, HQ's dashboard links), so it is off for every one, in both parts.
        mail.SetClickTracking(enable: false, enableText: false);
        // A client per send over the factory's pooled handlers, as IHttpClientFactory intends.
        var client = new SendGridClient(httpClients.CreateClient(SendGridResilience.HttpClientName), new SendGridClientOptions
        {
            ApiKey = email.SendGridApiKey,
            Host = string.IsNullOrWhiteSpace(email.SendGridHost) ? DefaultHost : email.SendGridHost,
        });

        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new EmailSendException($"SendGrid could not be reached: {exception.Message}", permanent: false, inner: exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailSendException($"SendGrid did not answer within {email.SendGridTimeout}.", permanent: false, inner: exception);
        }

        // The client does not throw on 4xx/5xx: the status decides.
        if (response.IsSuccessStatusCode)
        {
            return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : "";
        }

        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        var permanent = !SendGridResilience.IsTransient(response.StatusCode);
        throw new EmailSendException($"SendGrid refused the e-mail with {(int)response.StatusCode}: {Truncate(body)}", permanent, (int)response.StatusCode);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
