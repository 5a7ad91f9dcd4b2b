using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using PacSubmissions.FunctionsRpc;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The host's end of <c>FunctionRpc.EventStream</c> for one worker: what the test sends goes out in order on the one
/// stream, and each reply the worker sends completes the wait registered for it (by kind, and function or invocation
/// id). The worker's own log messages are kept for the failure messages of the tests.
/// </summary>
internal sealed class HostRpcChannel
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    public IEnumerable<string> Logs => _logs;

    /// <summary>Completes when the worker's stream ends (it disconnected, or the test closed it).</summary>
    public Task Closed => _closed.Task;

    public static string Key(StreamingMessage.ContentOneofCase kind, string id = "") => $"{kind}:{id}";

    /// <summary>Registers the wait for a reply before the request that causes it is sent, so no reply can be missed.</summary>
    public Task<StreamingMessage> Expect(StreamingMessage.ContentOneofCase kind, string id = "")
    {
        var reply = _replies.GetOrAdd(Key(kind, id), _ => new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_failure is { } failure)
        {
            reply.TrySetException(failure);
        }

        return reply.Task;
    }

    public void Send(StreamingMessage message)
    {
        if (!_outgoing.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The worker's stream is closed.", _failure);
        }
    }

    /// <summary>Fails every wait, now and later: the worker is gone.</summary>
    public void Fail(Exception failure)
    {
        _failure = failure;
        _outgoing.Writer.TryComplete();
        foreach (var reply in _replies.Values)
        {
            reply.TrySetException(failure);
        }
    }

    /// <summary>Ends the stream from the host's side, as the host does after WorkerTerminate.</summary>
    public void Close() => _outgoing.Writer.TryComplete();

    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> fromWorker, IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        var writing = WriteAsync(toWorker, cancellationToken);
        try
        {
            await foreach (var message in fromWorker.ReadAllAsync(cancellationToken))
            {
                Receive(message);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            // The worker went away mid-stream; the waits are failed below.
        }
        finally
        {
            Fail(new IOException("The worker closed its gRPC stream."));
            _closed.TrySetResult();
        }

        await writing;
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await toWorker.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The stream ended while a message was being written; the reader side reports it.
        }
    }

    private void Receive(StreamingMessage message)
    {
        var id = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => message.FunctionLoadResponse.FunctionId,
            StreamingMessage.ContentOneofCase.InvocationResponse => message.InvocationResponse.InvocationId,
            _ => "",
        };
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            var log = message.RpcLog;
            _logs.Enqueue($"[{log.Level}] {log.Category}: {log.Message} {log.Exception?.Message}".TrimEnd());
            return;
        }

        _replies.GetOrAdd(Key(message.ContentCase, id), _ => new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(message);
    }
}

/// <summary>The gRPC service the worker connects to: hands the one stream to the test's <see cref="HostRpcChannel"/>.</summary>
internal sealed class FunctionRpcService(HostRpcChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
