using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PacSubmissions.Email;

/// <summary>
/// Sends through SendGrid's v3 mail/send. <c>429</c>, <c>5xx</c>, network errors and timeouts are retried here with
/// backoff, waiting as long as SendGrid asks (<c>Retry-After</c>, or <c>X-RateLimit-Reset</c>, a Unix time) but never
/// longer than <see cref="EmailOptions.SendGridMaxRetryDelay"/>; what still fails is a non-permanent
/// <see cref="EmailSendException"/>, which the ledger records as "failed" so the next reminder run tries again.
/// Other 4xx (400 bad request, 401/403 bad key) are permanent: retrying cannot help.
/// </summary>
public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
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

        var attempts = Math.Max(1, options.Value.SendGridAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var (result, failure, headers) = await AttemptAsync(mail, cancellationToken);
            if (result is not null)
            {
                return result;
            }

            if (failure!.Permanent || attempt >= attempts)
            {
                throw failure;
            }

            var maximum = options.Value.SendGridMaxRetryDelay;
            var delay = RetryDelay(headers, attempt, clock.GetUtcNow(), maximum);
            if (delay is null)
            {
                // SendGrid asks for a longer pause than one run should wait: leave it to the next run.
                throw failure;
            }

            await Task.Delay(delay.Value, clock, cancellationToken);
        }
    }

    /// <summary>
    /// How long to wait before attempt <paramref name="attempt"/> + 1: what SendGrid asked for, else 1, 2, 4… seconds,
    /// capped at <paramref name="maximum"/>. Null when SendGrid asks for longer than that: not worth waiting for now.
    /// </summary>
    internal static TimeSpan? RetryDelay(HttpResponseHeaders? headers, int attempt, DateTimeOffset now, TimeSpan maximum)
    {
        TimeSpan? asked = null;
        if (headers?.RetryAfter is { } retryAfter)
        {
            asked = retryAfter.Delta ?? (retryAfter.Date - now);
        }
        else if (headers is not null && headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetUnix))
        {
            asked = DateTimeOffset.FromUnixTimeSeconds(resetUnix) - now;
        }

        if (asked is { } wanted)
        {
            return wanted > maximum ? null : wanted < TimeSpan.Zero ? TimeSpan.Zero : wanted;
        }

        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt - 1, 10)));
        return backoff < maximum ? backoff : maximum;
    }

    private async Task<(string? MessageId, EmailSendException? Failure, HttpResponseHeaders? Headers)> AttemptAsync(
        SendGridMessage mail, CancellationToken cancellationToken)
    {
        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return (null, new EmailSendException($"SendGrid could not be reached: {exception.Message}", permanent: false, inner: exception), null);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new EmailSendException($"SendGrid did not answer within {options.Value.SendGridTimeout}.", permanent: false, inner: exception), null);
        }

        // The client does not throw on 4xx/5xx: the status decides.
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return (response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : "", null, null);
        }

        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        var permanent = status is >= 400 and < 500 and not 408 and not 429;
        return (null, new EmailSendException($"SendGrid refused the e-mail with {status}: {Truncate(body)}", permanent, status), response.Headers);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
