using System.Collections.Concurrent;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// Counts every answer the load driver's client got (per status code) and every request that got none, so a fault
/// test can show the fault really reached the clients, and can act once a number of uploads were accepted.
/// </summary>
public sealed class ResponseTally() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(int Count, TaskCompletionSource Reached)> _waiters = new();
    private readonly ConcurrentQueue<DateTimeOffset> _acceptedAt = new();
    private int _accepted;

    public int Count(int status) => _statuses.GetValueOrDefault(status);

    /// <summary>The first 202 answered at or after <paramref name="instant"/>; null when none was.</summary>
    public DateTimeOffset? FirstAcceptedAfter(DateTimeOffset instant) =>
        _acceptedAt.Where(a => a >= instant).Order().Cast<DateTimeOffset?>().FirstOrDefault();

    /// <summary>Requests that got no answer at all (refused, reset, timed out), by exception type.</summary>
    public int Unanswered => _failures.Values.Sum();

    /// <summary>Completes once this many uploads were answered 202.</summary>
    public Task Accepted(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((count, reached));
        Notify();
        return reached.Task;
    }

    public string Describe() =>
        string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")
            .Concat(_failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"no answer ({f.Key}): {f.Value}")));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == System.Net.HttpStatusCode.Accepted)
            {
                _acceptedAt.Enqueue(TimeProvider.System.GetUtcNow());
                Interlocked.Increment(ref _accepted);
                Notify();
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
        {
            _failures.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
            throw;
        }
    }

    private void Notify()
    {
        foreach (var (count, reached) in _waiters)
        {
            if (Volatile.Read(ref _accepted) >= count)
            {
                reached.TrySetResult();
            }
        }
    }
}
