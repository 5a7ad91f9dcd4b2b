using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// Watches one host's log for the processor's line at the end of each delivery, so a test knows which submissions that
/// host processed and what its e-mails came to: how two deliveries of one blob are told apart.
/// </summary>
public sealed class ProcessingLog : ILoggerProvider
{
    /// <summary>The [LoggerMessage] method's name, which is the event's name.</summary>
    private const string ProcessedEvent = "LogNotified";

    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public sealed record Delivery(string SubmissionId, int Sent, int AlreadyHandled, int InFlight, int Pending);

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public ILogger CreateLogger(string categoryName) =>
        categoryName == typeof(SubmissionProcessor).FullName ? new Listener(_deliveries) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Listener(ConcurrentQueue<Delivery> deliveries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name != ProcessedEvent || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            var value = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            deliveries.Enqueue(new Delivery(
                (string)value["SubmissionId"]!, (int)value["Sent"]!, (int)value["AlreadyHandled"]!, (int)value["InFlight"]!, (int)value["Pending"]!));
        }
    }
}
