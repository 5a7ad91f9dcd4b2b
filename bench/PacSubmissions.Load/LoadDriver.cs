using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Channels;
using PacSubmissions.Upload;

namespace PacSubmissions.Load;

/// <summary>
/// Uploads reports the way coordinators' browsers and scripts do (multipart POST to the upload link, JSON answer), from
/// several clients at once. An upload that gets no answer, a 5xx or a 429 is tried again, after the Retry-After the
/// server asked for or a short pause, until <see cref="LoadPlan.RetryFor"/> has passed; any other answer is final.
/// </summary>
public sealed class LoadDriver(HttpClient client, TimeProvider clock)
{
    private static readonly TimeSpan DefaultPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<UploadAttempt>> RunAsync(
        IReadOnlyList<CentreLink> links, LoadPlan plan, IReadOnlyList<string> reportFiles, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(links.Count, plan.Centres);
        ArgumentOutOfRangeException.ThrowIfZero(reportFiles.Count);

        // Round by round, so every centre's first report is in before anyone's second: the deadline-day rush.
        var jobs = Channel.CreateUnbounded<(CentreLink Link, int Sequence, string File)>();
        var index = 0;
        for (var sequence = 1; sequence <= plan.ReportsPerCentre; sequence++)
        {
            foreach (var link in links.Take(plan.Centres))
            {
                jobs.Writer.TryWrite((link, sequence, reportFiles[index++ % reportFiles.Count]));
            }
        }

        jobs.Writer.Complete();
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeLimit.CancelAfter(plan.TimeLimit);
        var attempts = new List<UploadAttempt>();
        var workers = Enumerable.Range(0, plan.Clients).Select(async _ =>
        {
            await foreach (var (link, sequence, file) in jobs.Reader.ReadAllAsync(CancellationToken.None))
            {
                var attempt = await UploadAsync(link, sequence, file, plan.RetryFor, timeLimit.Token);
                lock (attempts)
                {
                    attempts.Add(attempt);
                }
            }
        });
        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        return [.. attempts.OrderBy(a => a.Sequence).ThenBy(a => a.CentreId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A flood from one link: <paramref name="count"/> uploads of <paramref name="file"/> sent at once, each tried once (a
    /// script, not a patient coordinator), so the per-link limits answer most of them.
    /// </summary>
    public async Task<IReadOnlyList<UploadAttempt>> FloodAsync(CentreLink link, int count, string file, CancellationToken cancellationToken) =>
        await Task.WhenAll(Enumerable.Range(1, count).Select(async sequence =>
        {
            var startedAt = clock.GetUtcNow();
            var (status, submissionId, _, error) = await TryOnceAsync(link.UploadUrl, file, cancellationToken);
            return new UploadAttempt(link.CentreId, sequence, startedAt, clock.GetUtcNow() - startedAt, status, submissionId, 1, error);
        }));

    private async Task<UploadAttempt> UploadAsync(CentreLink link, int sequence, string file, TimeSpan retryFor, CancellationToken cancellationToken)
    {
        var firstTry = clock.GetUtcNow();
        var tries = 0;
        while (true)
        {
            tries++;
            var startedAt = clock.GetUtcNow();
            if (cancellationToken.IsCancellationRequested)
            {
                return new UploadAttempt(link.CentreId, sequence, startedAt, TimeSpan.Zero, 0, null, tries - 1, "the run's time limit passed first");
            }

            var (status, submissionId, pause, error) = await TryOnceAsync(link.UploadUrl, file, cancellationToken);
            var elapsed = clock.GetUtcNow() - startedAt;
            var retryable = status is 0 or 429 or >= 500;
            if (!retryable || clock.GetUtcNow() + pause - firstTry > retryFor || cancellationToken.IsCancellationRequested)
            {
                return new UploadAttempt(link.CentreId, sequence, startedAt, elapsed, status, submissionId, tries, error);
            }

            try
            {
                await Task.Delay(pause, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return new UploadAttempt(link.CentreId, sequence, startedAt, elapsed, status, submissionId, tries, error);
            }
        }
    }

    private async Task<(int Status, string? SubmissionId, TimeSpan Pause, string? Error)> TryOnceAsync(Uri url, string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            using var form = new MultipartFormDataContent();
            var content = new StreamContent(stream);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, ReportUploadHandler.FileField, Path.GetFileName(file));
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>(cancellationToken);
                return (status, accepted?.SubmissionId, TimeSpan.Zero, accepted is null ? "202 without a body" : null);
            }

            return (status, null, PauseFrom(response.Headers.RetryAfter), $"{status} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer: refused, reset or timed out. The coordinator does not know whether it arrived, and tries again.
            return (0, null, DefaultPause, $"{exception.GetType().Name}: {exception.Message}");
        }
        catch (OperationCanceledException)
        {
            return (0, null, TimeSpan.Zero, "the run's time limit passed during the upload");
        }
    }

    private TimeSpan PauseFrom(RetryConditionHeaderValue? retryAfter)
    {
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : DefaultPause);
        return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > LongestPause ? LongestPause : asked;
    }
}
