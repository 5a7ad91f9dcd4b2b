using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace PacSubmissions.Email;

/// <summary>
/// The HTTP client SendGrid's library sends through, from <see cref="IHttpClientFactory"/>, with Polly's retry and
/// per-attempt timeout in front of it. <c>429</c>, <c>5xx</c>, <c>408</c>, network errors and timeouts are tried again,
/// waiting as long as SendGrid asks (<c>Retry-After</c>, or <c>X-RateLimit-Reset</c>, a Unix time) but never longer
/// than <see cref="EmailOptions.SendGridMaxRetryDelay"/>: an answer that asks for more is left to the next reminder run.
/// </summary>
internal static class SendGridResilience
{
    public const string HttpClientName = "SendGrid";

    public static IServiceCollection AddSendGridHttpClient(this IServiceCollection services)
    {
        // Polly bounds each attempt; the client's own timeout bounds the whole send (reading the answer's body
        // included) by what EmailOptions keeps under the ledger's claim timeout.
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, http) => http.Timeout = provider.GetRequiredService<IOptions<EmailOptions>>().Value.LongestSend)
            .AddResilienceHandler("sendgrid", (pipeline, context) =>
            {
                var email = context.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value;
                // Timeouts and the waits between attempts are network matters, on the wall clock. The app's TimeProvider
                // is the campaign's clock, which the tests move by days at a time; it still dates Retry-After.
                var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.TimeProvider = TimeProvider.System;
                if (email.SendGridAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = email.SendGridAttempts - 1,
                        ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome, arguments.AttemptNumber + 1, clock.GetUtcNow(), email.SendGridMaxRetryDelay)),
                        DelayGenerator = arguments => ValueTask.FromResult(RetryDelay(arguments.Outcome.Result?.Headers, arguments.AttemptNumber + 1, clock.GetUtcNow(), email.SendGridMaxRetryDelay)),
                    });
                }

                pipeline.AddTimeout(email.SendGridTimeout);
            });
        return services;
    }

    /// <summary>Transient failures are retried, unless SendGrid asks for a longer pause than one run should wait.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, DateTimeOffset now, TimeSpan maximum) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } when IsTransient(response.StatusCode) => RetryDelay(response.Headers, attempt, now, maximum) is not null,
        _ => false,
    };

    /// <summary>SendGrid refuses for now (rate limit, its own trouble, a timeout), not for good.</summary>
    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

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
}
