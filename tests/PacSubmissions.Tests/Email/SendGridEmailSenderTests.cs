using System.Net;
using System.Net.Http.Headers;
using PacSubmissions.Email;
using PacSubmissions.Tests.Infrastructure;
using Answer = PacSubmissions.Tests.Email.FakeSendGrid.Answer;

namespace PacSubmissions.Tests.Email;

public sealed class SendGridEmailSenderTests
{
    private static readonly EmailKey Key = new(2031, "kz-almaty", EmailKinds.Reminder, "7d");

    [Fact]
    public async Task TheRequestIsSendGridsV3MailSendWithBothPartsAndTheKeyInCustomArgs()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var pipeline = await TestPipeline.StartAsync(settings: SendGridFailureTests.SendGridSettings(sendGrid));
        var message = new EmailMessage(Key, "coordinator@pac-test.example", "Réminder <7 days>", "Plain text", "<p>HTML</p>");

        var messageId = await pipeline.Get<IEmailSender>().SendAsync(message, CancellationToken.None);

        var request = Assert.Single(sendGrid.Accepted);
        Assert.StartsWith("fake-", messageId, StringComparison.Ordinal);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Authorization);
        var json = request.Json;
        Assert.Equal("pac@pac-test.example", json.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("IFLA PAC Submissions", json.GetProperty("from").GetProperty("name").GetString());
        var personalization = Assert.Single(json.GetProperty("personalizations").EnumerateArray());
        // The subject may sit in the personalization (it overrides a top-level one); this client puts it there.
        Assert.Equal("Réminder <7 days>", personalization.GetProperty("subject").GetString());
        Assert.Equal("coordinator@pac-test.example", Assert.Single(personalization.GetProperty("to").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(Key.ToString(), personalization.GetProperty("custom_args").GetProperty(SendGridEmailSender.KeyArgument).GetString());
        // SendGrid wants text/plain first, then text/html.
        var content = json.GetProperty("content").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), c.GetProperty("value").GetString())).ToList();
        Assert.Equal([("text/plain", "Plain text"), ("text/html", "<p>HTML</p>")], content);
    }

    [Fact]
    public async Task AnEmailCarryingAnUploadLinkAsksSendGridNotToRewriteItsLinks()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var pipeline = await TestPipeline.StartAsync(settings: SendGridFailureTests.SendGridSettings(sendGrid));
        const string link = "https://pac.example.org/api/upload/kz-almaty.2031.1.2.sig";
        var message = new EmailMessage(Key, "coordinator@pac-test.example", "Your link", $"Upload here: {link}", $"<p><a href=\"{link}\">Upload</a></p>");

        await pipeline.Get<IEmailSender>().SendAsync(message, CancellationToken.None);

        var clickTracking = Assert.Single(sendGrid.Accepted).Json.GetProperty("tracking_settings").GetProperty("click_tracking");
        Assert.False(clickTracking.GetProperty("enable").GetBoolean());
        Assert.False(clickTracking.GetProperty("enable_text").GetBoolean());
    }

    [Theory]
    [InlineData(Answer.TooManyRequests)]
    [InlineData(Answer.ServerError)]
    [InlineData(Answer.Timeout)]
    public async Task ATransientFailureIsRetriedWithinTheRun(Answer failure)
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var pipeline = await TestPipeline.StartAsync(settings: SendGridFailureTests.SendGridSettings(sendGrid));
        var calls = 0;
        sendGrid.Behaviour = _ => Interlocked.Increment(ref calls) == 1 ? failure : Answer.Accept;

        await pipeline.Get<IEmailSender>().SendAsync(new EmailMessage(Key, "c@pac-test.example", "s", "t", "<p>h</p>"), CancellationToken.None);

        Assert.Single(sendGrid.Accepted);
        Assert.Equal(failure, Assert.Single(sendGrid.Refused).Answer);
    }

    [Fact]
    public async Task AnUnauthorizedAnswerIsPermanentAndNotRetried()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var pipeline = await TestPipeline.StartAsync(settings: SendGridFailureTests.SendGridSettings(sendGrid));
        sendGrid.Behaviour = _ => Answer.Unauthorized;

        var exception = await Assert.ThrowsAsync<EmailSendException>(() =>
            pipeline.Get<IEmailSender>().SendAsync(new EmailMessage(Key, "c@pac-test.example", "s", "t", "<p>h</p>"), CancellationToken.None));

        Assert.True(exception.Permanent);
        Assert.Equal(401, exception.StatusCode);
        Assert.Single(sendGrid.Refused);
    }

    [Fact]
    public void TheWaitHonoursRetryAfterAndTheRateLimitResetWithinTheBound()
    {
        var now = new DateTimeOffset(2031, 7, 1, 12, 0, 0, TimeSpan.Zero);
        var maximum = TimeSpan.FromSeconds(30);

        Assert.Equal(TimeSpan.FromSeconds(7), SendGridResilience.RetryDelay(Headers(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))), 1, now, maximum));
        Assert.Equal(TimeSpan.FromSeconds(12), SendGridResilience.RetryDelay(Headers(h => h.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(12))), 1, now, maximum));
        Assert.Equal(TimeSpan.FromSeconds(20), SendGridResilience.RetryDelay(Headers(h => h.Add("X-RateLimit-Reset", (now.ToUnixTimeSeconds() + 20).ToString(System.Globalization.CultureInfo.InvariantCulture))), 1, now, maximum));
        // Asked to wait longer than a run should: give up for now, the next run tries again.
        Assert.Null(SendGridResilience.RetryDelay(Headers(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(5))), 1, now, maximum));
        // Nothing asked: 1, 2, 4 … seconds, never past the bound.
        Assert.Equal(TimeSpan.FromSeconds(1), SendGridResilience.RetryDelay(null, 1, now, maximum));
        Assert.Equal(TimeSpan.FromSeconds(4), SendGridResilience.RetryDelay(null, 3, now, maximum));
        Assert.Equal(maximum, SendGridResilience.RetryDelay(null, 9, now, maximum));
    }

    private static HttpResponseHeaders Headers(Action<HttpResponseHeaders> set)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        set(response.Headers);
        return response.Headers;
    }
}
