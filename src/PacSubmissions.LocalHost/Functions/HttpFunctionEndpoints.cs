using System.ComponentModel;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>Maps every HTTP-triggered function to an ASP.NET Core endpoint, with the route and methods of its attribute.</summary>
internal static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        var host = app.Services.GetRequiredService<HostJson>();
        foreach (var (function, trigger) in catalog.WithTrigger<HttpTriggerAttribute>())
        {
            var route = $"/{host.RoutePrefix}/{trigger.Route ?? function.Name}".Replace("//", "/", StringComparison.Ordinal);
            var methods = trigger.Methods is { Length: > 0 } declared
                ? declared.Select(m => m.ToUpperInvariant()).ToArray()
                : ["GET", "POST"];
            app.MapMethods(route, methods, context => InvokeAsync(context, function, trigger.AuthLevel))
                .WithName(function.Name)
                .WithMetadata(new DisableRequestSizeLimitAttribute());
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDescriptor function, AuthorizationLevel level)
    {
        if (level != AuthorizationLevel.Anonymous && !HasFunctionKey(context))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, parameter => Bind(context, parameter));
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw new InvalidOperationException($"Function {function.Name} returned {result.GetType().Name}; the local host serves IActionResult.");
        }
    }

    private static object? Bind(HttpContext context, ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (context.Request.RouteValues.TryGetValue(parameter.Name!, out var value) && value is not null)
        {
            var converter = TypeDescriptor.GetConverter(parameter.ParameterType);
            return converter.ConvertFromInvariantString(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return parameter.HasDefaultValue ? parameter.DefaultValue : null;
    }

    /// <summary>Stands in for the Functions host's function keys: the key the local host printed at start.</summary>
    private static bool HasFunctionKey(HttpContext context)
    {
        var expected = context.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value.FunctionKey;
        var given = context.Request.Headers["x-functions-key"].FirstOrDefault() ?? context.Request.Query["code"].FirstOrDefault();
        return given is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
    }
}
