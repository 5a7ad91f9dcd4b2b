using System.Diagnostics;

namespace PacSubmissions.Telemetry;

/// <summary>
/// The library's spans, so that an upload, its check and its e-mails are one trace. The upload and the blob trigger are
/// two invocations the Functions host starts apart, so the trace crosses between them on the blob itself: the upload
/// writes its W3C trace context (<c>traceparent</c>, <c>tracestate</c>) into the blob's metadata, and the processing of
/// that blob starts its span as the upload's child. With no listener (telemetry off) no span is started and no context
/// is written, and a blob without one is processed in a trace of its own.
/// </summary>
public static class PacTelemetry
{
    /// <summary>The name of the library's <see cref="ActivitySource"/>, which a host adds to its tracing.</summary>
    public const string SourceName = "PacSubmissions";

    internal const string TraceParentMetadata = "traceparent";

    internal const string TraceStateMetadata = "tracestate";

    /// <summary>The span tags, as Azure shows them (custom dimensions): ids only, never an address or a file's content.</summary>
    internal const string CentreTag = "pac.centre";
    internal const string BlobTag = "pac.blob";
    internal const string EmailTag = "pac.email";
    internal const string OutcomeTag = "pac.outcome";
    internal const string ReasonTag = "pac.reason";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span when it is one of the library's (never tags on a span some other code started).</summary>
    internal static Activity? Current => Activity.Current is { } current && current.Source == Source ? current : null;

    /// <summary>Adds the current span's trace context to a blob's metadata; nothing when no span is being recorded.</summary>
    internal static void WriteTraceContext(IDictionary<string, string> metadata)
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } traceParent } current)
        {
            return;
        }

        metadata[TraceParentMetadata] = traceParent;
        if (!string.IsNullOrEmpty(current.TraceStateString))
        {
            metadata[TraceStateMetadata] = current.TraceStateString;
        }
    }

    /// <summary>
    /// Starts the processing span of an uploaded blob: a child of the upload's span when the blob carries its context (the
    /// trigger's own invocation, in a trace the host started, is kept as a link), else a child of the current span.
    /// </summary>
    internal static Activity? StartProcessing(string name, IDictionary<string, string> metadata)
    {
        var values = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        if (!values.TryGetValue(TraceParentMetadata, out var traceParent)
            || !ActivityContext.TryParse(traceParent, values.GetValueOrDefault(TraceStateMetadata), isRemote: true, out var upload))
        {
            return Source.StartActivity(name, ActivityKind.Consumer);
        }

        ActivityLink[]? invocation = Activity.Current is { } current ? [new ActivityLink(current.Context)] : null;
        return Source.StartActivity(name, ActivityKind.Consumer, upload, links: invocation);
    }

    /// <summary>
    /// Marks the span failed with the exception, for an exception filter: it returns false, so the exception goes on
    /// unwinding untouched (the host's retries and poison queue still see it) while the trace shows where it failed.
    /// </summary>
    internal static bool Failed(Activity? span, Exception exception)
    {
        RecordFailure(span, exception);
        return false;
    }

    /// <summary>Marks the span failed with the exception (Azure shows it failed, with the exception beside it).</summary>
    internal static void RecordFailure(Activity? span, Exception exception) =>
        span?.AddException(exception).SetStatus(ActivityStatusCode.Error, exception.Message);
}
