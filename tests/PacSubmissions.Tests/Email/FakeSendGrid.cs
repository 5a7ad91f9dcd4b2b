using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PacSubmissions.Email;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// SendGrid's v3 mail/send on real Kestrel on a free 127.0.0.1 port: it keeps what it accepts (202 with an
/// X-Message-Id) and answers as <see cref="Behaviour"/> says, so a test can make it fail with 429, 500, 401 or silence.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public enum Answer
    {
        Accept,
        TooManyRequests,
        ServerError,
        Timeout,
        Unauthorized,

        /// <summary>A 500 whose headers come at once and whose body waits for <see cref="StalledBody"/>: a send that hangs after SendGrid answered.</summary>
        ServerErrorWithStalledBody,
    }

    public sealed record Request(string Key, string? Authorization, string Path, JsonElement Json);

    private readonly WebApplication _app;

    private FakeSendGrid(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>How to answer a request, given the e-mail key in its custom args.</summary>
    public Func<string, Answer> Behaviour { get; set; } = _ => Answer.Accept;

    /// <summary>The Retry-After (seconds) sent with a 429.</summary>
    public int RetryAfterSeconds { get; set; }

    /// <summary>What a <see cref="Answer.ServerErrorWithStalledBody"/> body waits for.</summary>
    public Task StalledBody { get; set; } = Task.CompletedTask;

    public ConcurrentQueue<Request> Accepted { get; } = new();

    public ConcurrentQueue<(string Key, Answer Answer)> Refused { get; } = new();

    public static async Task<FakeSendGrid> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeSendGrid? fake = null;
        app.MapPost("/v3/mail/send", async context => await fake!.AnswerAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeSendGrid(app, new Uri(address));
        return fake;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var json = document.RootElement.Clone();
        var key = json.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty(SendGridEmailSender.KeyArgument).GetString()!;
        var answer = Behaviour(key);
        if (answer != Answer.Accept)
        {
            Refused.Enqueue((key, answer));
        }

        switch (answer)
        {
            case Answer.Accept:
                Accepted.Enqueue(new Request(key, context.Request.Headers.Authorization, context.Request.Path, json));
                context.Response.Headers["X-Message-Id"] = "fake-" + Guid.NewGuid().ToString("N");
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
            case Answer.TooManyRequests:
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await context.Response.WriteAsync("""{"errors":[{"field":null,"message":"too many requests"}]}""");
                break;
            case Answer.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                break;
            case Answer.ServerErrorWithStalledBody:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.StartAsync();
                await context.Response.Body.FlushAsync();
                await StalledBody;
                await context.Response.WriteAsync("""{"errors":[{"field":null,"message":"internal error"}]}""");
                break;
            case Answer.Unauthorized:
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("""{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}""");
                break;
            case Answer.Timeout:
                // Never answers: the client gives up after Email:SendGridTimeout.
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
