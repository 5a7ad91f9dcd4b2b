using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PacSubmissions.Email;
using PacSubmissions.LocalHost;
using Microsoft.Extensions.DependencyInjection;

namespace PacSubmissions.Tests.Email;

/// <summary>The real SendGrid client against a small SendGrid stand-in on 127.0.0.1: the status decides success.</summary>
public sealed class SendGridStatusTests
{
    private static readonly EmailMessage Message = new(new EmailKey(2030, "kz-almaty", "test", "1"), "hq@pac-test.example", "Subject", "Text", "<p>Html</p>");

    private static async Task<(WebApplication Server, SendGridEmailSender Sender)> StartAsync(int status)
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var server = builder.Build();
        server.MapPost("/v3/mail/send", (HttpResponse response) =>
        {
            response.Headers["X-Message-Id"] = "sg-message-1";
            return Results.Text(status >= 400 ? """{"errors":[{"message":"refused by test"}]}""" : "", "application/json", statusCode: status);
        });
        await server.StartAsync();
        // One attempt: this class is about what each status means; the retries are SendGridEmailSenderTests'.
        var options = Options.Create(new EmailOptions
        {
            From = "pac@pac-test.example", HqAddress = "hq@pac-test.example", SendGridApiKey = "SG.test",
            SendGridHost = $"http://127.0.0.1:{port}", SendGridAttempts = 1,
        });
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddSingleton(options).AddSendGridHttpClient().BuildServiceProvider();
        return (server, ActivatorUtilities.CreateInstance<SendGridEmailSender>(services));
    }

    [Fact]
    public async Task AcceptedSendReturnsSendGridsMessageId()
    {
        var (server, sender) = await StartAsync(202);
        await using var _ = server;

        Assert.Equal("sg-message-1", await sender.SendAsync(Message, CancellationToken.None));
    }

    // Retryable answers (429, 5xx) are covered, with their retries, in SendGridEmailSenderTests.
    [Theory]
    [InlineData(400, true)]
    [InlineData(401, true)]
    [InlineData(403, true)]
    public async Task RefusedSendIsAFailureThatSaysWhetherToRetry(int status, bool permanent)
    {
        var (server, sender) = await StartAsync(status);
        await using var _ = server;

        var error = await Assert.ThrowsAsync<EmailSendException>(() => sender.SendAsync(Message, CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(permanent, error.Permanent);
        Assert.Contains("refused by test", error.Message, StringComparison.Ordinal);
    }
}
