using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>A function found in the Functions assembly: its class, its method, and the trigger attribute on one parameter.</summary>
internal sealed record FunctionDescriptor(string Name, Type Type, MethodInfo Method, ParameterInfo TriggerParameter, Attribute Trigger);

/// <summary>
/// Reads the Functions app's <c>[Function]</c> methods and their trigger attributes, the same metadata the Worker SDK
/// writes to functions.metadata for Azure. Nothing about a function is declared twice.
/// </summary>
internal sealed class FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
{
    public IReadOnlyList<FunctionDescriptor> Functions { get; } = functions;

    public IEnumerable<(FunctionDescriptor Function, TTrigger Trigger)> WithTrigger<TTrigger>()
        where TTrigger : Attribute =>
        Functions.Where(f => f.Trigger is TTrigger).Select(f => (f, (TTrigger)f.Trigger));

    public static FunctionCatalog From(Assembly assembly)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes()) // function classes are internal: the worker indexes public methods of any class
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                var triggers = method.GetParameters()
                    .SelectMany(p => p.GetCustomAttributes().Where(IsTrigger).Select(a => (Parameter: p, Attribute: a)))
                    .ToList();
                if (triggers.Count != 1)
                {
                    throw new InvalidOperationException($"Function {function.Name} must have exactly one trigger; it has {triggers.Count}.");
                }

                functions.Add(new FunctionDescriptor(function.Name, type, method, triggers[0].Parameter, triggers[0].Attribute));
            }
        }

        return new FunctionCatalog(functions);
    }

    private static bool IsTrigger(Attribute attribute) =>
        attribute is HttpTriggerAttribute or BlobTriggerAttribute or TimerTriggerAttribute
        || attribute.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal);
}
