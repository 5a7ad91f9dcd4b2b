using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>Calls a function the way the Functions worker does: a new instance from a fresh DI scope, per invocation.</summary>
internal static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(
        FunctionDescriptor function,
        IServiceProvider services,
        Func<ParameterInfo, object?> bind)
    {
        await using var scope = services.CreateAsyncScope();
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Type);
        var arguments = function.Method.GetParameters().Select(bind).ToArray();
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
            ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
            : null;
    }
}
