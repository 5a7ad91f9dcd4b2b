using PacSubmissions.FunctionsRpc;

namespace PacSubmissions.Tests.Worker;

internal static class WorkerAssert
{
    /// <summary>The worker answered the invocation with success; otherwise the failure names its exception and the worker's output.</summary>
    public static void Succeeded(InvocationResponse response, WorkerProcess worker) =>
        Assert.True(response.Result.Status == StatusResult.Types.Status.Success,
            $"The invocation failed: {response.Result.Exception?.Message}{Environment.NewLine}{response.Result.Exception?.StackTrace}{Environment.NewLine}{worker.Output}");
}
