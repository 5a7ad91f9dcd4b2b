using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PacSubmissions.FunctionsRpc;
using PacSubmissions.LocalHost;
using MessageKind = PacSubmissions.FunctionsRpc.StreamingMessage.ContentOneofCase;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The built <c>PacSubmissions.Functions.dll</c>, started the way the Functions host starts it: the command from its
/// <c>worker.config.json</c>, the host's arguments and environment, and a gRPC <c>FunctionRpc</c> server on loopback
/// that it connects to. <see cref="StartAsync"/> then drives what the host does before the first invocation (init,
/// metadata, load); <see cref="InvokeAsync"/> and <see cref="SendHttpAsync"/> invoke, and disposing sends
/// WorkerTerminate and waits for the process to leave.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>The host version the worker is told (the host release the protocol was read from).</summary>
    private const string HostVersion = "4.1037.0";

    /// <summary>The host's default gRPC message limit (int.MaxValue).</summary>
    private const int GrpcMaxMessageLength = int.MaxValue;

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _rpcServer;
    private readonly HostRpcChannel _channel;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly Task<int> _exited;
    private readonly Dictionary<string, RpcFunctionMetadata> _functions = new(StringComparer.Ordinal);

    private WorkerProcess(WebApplication rpcServer, HostRpcChannel channel, Process process, ConcurrentQueue<string> output)
    {
        _rpcServer = rpcServer;
        _channel = channel;
        _process = process;
        _output = output;
        _exited = WatchAsync();
    }

    /// <summary>The worker's build output, as it is deployed: the Functions project's bin folder for this test build's configuration.</summary>
    public static string AppDirectory { get; } = Path.Combine(RepositoryRoot.Find(), "src", "PacSubmissions.Functions", "bin",
        typeof(WorkerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0");

    /// <summary>The capabilities the worker answered WorkerInitRequest with.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The functions the worker indexed (its FunctionMetadataResponse), as the host loaded them.</summary>
    public IReadOnlyCollection<RpcFunctionMetadata> Functions => _functions.Values;

    /// <summary>Where the worker's own Kestrel listens (its <c>HttpUri</c> capability); the host forwards HTTP requests there.</summary>
    public Uri HttpUri => new(Capabilities["HttpUri"]);

    /// <summary>Whether the worker connected to the host and opened its stream (sent StartStream).</summary>
    public bool Connected => _channel.Expect(MessageKind.StartStream).IsCompletedSuccessfully;

    /// <summary>The process's exit code, once it has exited.</summary>
    public Task<int> Exited => _exited;

    /// <summary>Everything the worker wrote to stdout and stderr and sent as RpcLog, for the failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output.Concat(_channel.Logs));

    /// <summary>Starts the worker and takes it through init, metadata and load, as the host does before any invocation.</summary>
    public static async Task<WorkerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var worker = await LaunchAsync(settings);
        try
        {
            await worker.WaitForStreamAsync();
            await worker.InitializeAsync();
            await worker.LoadFunctionsAsync();
            return worker;
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process and the gRPC server it is told to connect to, and nothing more.</summary>
    public static async Task<WorkerProcess> LaunchAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var channel = new HostRpcChannel();
        var rpcServer = await StartRpcServerAsync(channel);
        var hostUri = new Uri(rpcServer.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = StartInfo(hostUri, settings), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Keep(output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(rpcServer, channel, process, output);
    }

    /// <summary>Waits for the worker's StartStream: it has connected to the host and is ready to be initialised.</summary>
    public async Task WaitForStreamAsync() =>
        await WaitAsync(_channel.Expect(MessageKind.StartStream), "the worker's StartStream");

    public async Task InitializeAsync()
    {
        var reply = _channel.Expect(MessageKind.WorkerInitResponse);
        _channel.Send(new StreamingMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = AppDirectory, FunctionAppDirectory = AppDirectory },
        });
        var init = (await WaitAsync(reply, "WorkerInitResponse")).WorkerInitResponse;
        EnsureSuccess(init.Result, "WorkerInitRequest");
        Capabilities = init.Capabilities.ToDictionary(StringComparer.Ordinal);
    }

    public async Task LoadFunctionsAsync()
    {
        var reply = _channel.Expect(MessageKind.FunctionMetadataResponse);
        _channel.Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory } });
        var metadata = (await WaitAsync(reply, "FunctionMetadataResponse")).FunctionMetadataResponse;
        EnsureSuccess(metadata.Result, "FunctionsMetadataRequest");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asked the host to index its functions itself; it is expected to index them (workerIndexing).");
        }

        // The host turns each raw binding into a BindingInfo before it sends FunctionLoadRequest; it loads them one by one
        // unless the worker claims SupportsLoadResponseCollection, and either way the worker must answer each function.
        var loads = new List<(string Name, Task<StreamingMessage> Reply)>();
        foreach (var function in metadata.FunctionMetadataResults)
        {
            foreach (var raw in function.RawBindings)
            {
                var (name, binding) = ToBindingInfo(raw);
                function.Bindings[name] = binding;
            }

            _functions[function.Name] = function;
            loads.Add((function.Name, _channel.Expect(MessageKind.FunctionLoadResponse, function.FunctionId)));
            _channel.Send(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function },
            });
        }

        foreach (var (name, load) in loads)
        {
            EnsureSuccess((await WaitAsync(load, $"FunctionLoadResponse for {name}")).FunctionLoadResponse.Result, $"FunctionLoadRequest for {name}");
        }
    }

    public RpcFunctionMetadata Function(string name) =>
        _functions.TryGetValue(name, out var function) ? function : throw new KeyNotFoundException($"The worker indexed no function {name}.");

    /// <summary>The name of the function's trigger parameter (the binding the host fills from the trigger).</summary>
    public string TriggerName(string function) =>
        Function(function).Bindings.Single(binding => binding.Value.Type.EndsWith("Trigger", StringComparison.Ordinal)).Key;

    /// <summary>Invokes a function as the host does once its trigger fired: the trigger's data and the binding data.</summary>
    public async Task<InvocationResponse> InvokeAsync(string function, TypedData trigger, IReadOnlyDictionary<string, TypedData>? triggerMetadata = null, string? invocationId = null)
    {
        invocationId ??= Guid.NewGuid().ToString();
        // The host always sends the W3C trace context of the invocation (the worker reads it unconditionally).
        var trace = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01", TraceState = "" };
        var request = new InvocationRequest { InvocationId = invocationId, FunctionId = Function(function).FunctionId, TraceContext = trace };
        request.InputData.Add(new ParameterBinding { Name = TriggerName(function), Data = trigger });
        foreach (var (name, value) in triggerMetadata ?? new Dictionary<string, TypedData>())
        {
            request.TriggerMetadata[name] = value;
        }

        var reply = _channel.Expect(MessageKind.InvocationResponse, invocationId);
        _channel.Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request });
        return (await WaitAsync(reply, $"InvocationResponse for {function}", TimeSpan.FromMinutes(2))).InvocationResponse;
    }

    /// <summary>
    /// An HTTP-triggered invocation as the host proxies it to a worker with the ASP.NET Core integration: the request goes
    /// to the worker's own Kestrel with its invocation id in <c>x-ms-invocation-id</c>, the InvocationRequest carries an
    /// empty RpcHttp and the route values as binding data, and the answer is the worker's HTTP response.
    /// </summary>
    public async Task<(HttpResponseMessage Response, InvocationResponse Invocation)> SendHttpAsync(
        HttpClient client, string function, HttpRequestMessage request, IReadOnlyDictionary<string, string> routeValues)
    {
        await WaitForHttpServerAsync();
        var invocationId = Guid.NewGuid().ToString();
        request.Headers.Add("x-ms-invocation-id", invocationId);
        var response = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var metadata = routeValues.ToDictionary(pair => pair.Key, pair => new TypedData { String = pair.Value }, StringComparer.Ordinal);
        var invocation = InvokeAsync(function, new TypedData { Http = new RpcHttp() }, metadata, invocationId);

        // Both halves finish before either failure is thrown, so a reset never leaves the invocation behind unobserved.
        await Task.WhenAll(response, invocation);
        return (await response, await invocation);
    }

    /// <summary>
    /// The worker announces its HTTP address at init, while its Kestrel may still be starting; the host's proxy retries
    /// a refused connection (RetryProxyHandler: 10 tries, 50 ms doubling to 250 ms). Only the connection is retried
    /// here, never a request, so nothing the worker answers is hidden.
    /// </summary>
    private async Task WaitForHttpServerAsync()
    {
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(HttpUri.Host, HttpUri.Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 10)
            {
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
            }
        }
    }

    /// <summary>Sends WorkerTerminate, as the host does when it shuts a worker down, and waits for the process to exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan gracePeriod)
    {
        if (!_exited.IsCompleted)
        {
            try
            {
                _channel.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(gracePeriod) } });
            }
            catch (InvalidOperationException)
            {
                // The stream is already gone: the process is waited for (or killed) below.
            }
        }

        try
        {
            return await _exited.WaitAsync(gracePeriod + TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            return await _exited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await TerminateAsync(TimeSpan.FromSeconds(5));
        _channel.Close();
        await _rpcServer.StopAsync();
        await _rpcServer.DisposeAsync();
        _process.Dispose();
    }

    private static async Task<WebApplication> StartRpcServerAsync(HostRpcChannel channel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync();
        return app;
    }

    private static ProcessStartInfo StartInfo(Uri hostUri, IReadOnlyDictionary<string, string?> settings)
    {
        // worker.config.json, written by the Worker SDK, is what the host reads to know how to start this worker.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppDirectory, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var maxLength = GrpcMaxMessageLength.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(description.GetProperty("defaultExecutablePath").GetString()!)
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            Path.Combine(AppDirectory, description.GetProperty("defaultWorkerPath").GetString()!),
            "--host", hostUri.Host, "--port", hostUri.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", hostUri.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", maxLength,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What the host adds to the app settings for every worker it starts.
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = AppDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = AppDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = AppDirectory;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production";

        // App settings reach the worker as environment variables, with "__" for ":" as in Azure.
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static (string Name, BindingInfo Binding) ToBindingInfo(string raw)
    {
        using var json = JsonDocument.Parse(raw);
        var root = json.RootElement;
        var binding = new BindingInfo
        {
            Type = root.GetProperty("type").GetString()!,
            Direction = Enum.Parse<BindingInfo.Types.Direction>(root.GetProperty("direction").GetString()!, ignoreCase: true),
        };
        if (root.TryGetProperty("dataType", out var dataType) && dataType.GetString() is { Length: > 0 } type)
        {
            binding.DataType = Enum.Parse<BindingInfo.Types.DataType>(type, ignoreCase: true);
        }

        return (root.GetProperty("name").GetString()!, binding);
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private async Task<int> WatchAsync()
    {
        await _process.WaitForExitAsync();
        var code = _process.ExitCode;
        _channel.Fail(new IOException($"The worker exited with code {code}."));
        return code;
    }

    private async Task<StreamingMessage> WaitAsync(Task<StreamingMessage> reply, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await reply.WaitAsync(timeout ?? StepTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException)
        {
            throw new InvalidOperationException($"No {what} from the worker ({exception.Message}). Its output:{Environment.NewLine}{Output}", exception);
        }
    }

    private void EnsureSuccess(StatusResult result, string request)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed {request}: {result.Exception?.Message}{Environment.NewLine}{Output}");
        }
    }
}
