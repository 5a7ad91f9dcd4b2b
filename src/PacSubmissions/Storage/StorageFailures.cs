using System.Net.Sockets;
using Azure;

namespace PacSubmissions.Storage;

/// <summary>
/// Tells "storage could not be reached" (connection refused or reset, no answer in time, the service busy) from every
/// other failure. The SDK has already retried by then: it throws an <see cref="AggregateException"/> of one
/// <see cref="RequestFailedException"/> (status 0, wrapping the <see cref="HttpRequestException"/>) per try.
/// </summary>
public static class StorageFailures
{
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => IsUnavailable(e, cancellationToken)),
        RequestFailedException { Status: 0 } failed => failed.InnerException is null || IsUnavailable(failed.InnerException, cancellationToken),
        // Busy or failing for now: storage says so itself, and asks to be tried again.
        RequestFailedException { Status: 500 or 502 or 503 or 504 } => true,
        HttpRequestException or SocketException or IOException => true,
        // The SDK's own network timeout, not the caller giving up.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
