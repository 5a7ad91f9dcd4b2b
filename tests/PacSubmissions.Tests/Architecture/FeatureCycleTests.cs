using System.Reflection;
using System.Reflection.Emit;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Tests.Architecture;

/// <summary>
/// The library's features depend on each other one way only: a type in one feature namespace (<c>PacSubmissions.Email</c>,
/// <c>PacSubmissions.Upload.Page</c> counting as <c>Upload</c>) that uses a type of another feature that uses it back is
/// a cycle, which is what makes a feature impossible to change or move alone.
/// </summary>
public sealed class FeatureCycleTests
{
    private static readonly Assembly Library = typeof(DashboardOptions).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// The pairs still tangled, each through the e-mails' texts and the form's text rules, which the text catalogue's
    /// redesign (issue 15) is reshaping. The list can only shrink: a pair that no longer uses each other must leave it.
    /// </summary>
    private static readonly string[] StillTangled = ["Email <-> Overview", "Email <-> Submissions", "Email <-> Upload", "Forms <-> Reports"];

    [Fact]
    public void NoTwoFeaturesUseEachOther()
    {
        var uses = FeatureUses();

        var cycles = uses
            .SelectMany(edge => edge.Value.Select(to => (From: edge.Key, To: to.Key, Example: to.Value)))
            .Where(e => string.CompareOrdinal(e.From, e.To) < 0 && uses.TryGetValue(e.To, out var back) && back.ContainsKey(e.From))
            .ToDictionary(e => $"{e.From} <-> {e.To}", e => $"{e.Example}; back: {uses[e.To][e.From]}");

        var added = cycles.Where(c => !StillTangled.Contains(c.Key)).Select(c => $"{c.Key} ({c.Value})").ToList();
        Assert.True(added.Count == 0, "Feature namespaces that use each other:\n" + string.Join('\n', added));
        Assert.Empty(StillTangled.Except(cycles.Keys));
    }

    [Fact]
    public void TheCyclesThisRedesignBrokeStayBroken()
    {
        // E-mail keys are Email's (not the reminder planner's), the upload blob is the submission's, and links to the
        // dashboard are made from the route templates in Http/, not by the dashboard.
        var uses = FeatureUses();

        Assert.False(uses["Email"].ContainsKey("Reminders"), uses["Email"].GetValueOrDefault("Reminders"));
        Assert.False(uses["Submissions"].ContainsKey("Upload"), uses["Submissions"].GetValueOrDefault("Upload"));
        Assert.False(uses["Email"].ContainsKey("Dashboard"), uses["Email"].GetValueOrDefault("Dashboard"));
        // Nor through a third feature: the upload reaches nothing that reaches the dashboard, e-mail nothing that reaches
        // the reminders.
        Assert.DoesNotContain("Dashboard", Reachable(uses, "Upload"));
        Assert.DoesNotContain("Reminders", Reachable(uses, "Email"));
        // The routes and the URL builder use no feature, so every feature can link to any other's pages.
        Assert.Empty(uses.GetValueOrDefault("Http") ?? []);
    }

    [Fact]
    public void TheCheckSeesAUseInsideAMethodBody()
    {
        // A type reached only from method bodies (here static calls) is a use too: the check reads the IL, not only
        // signatures. The dashboard's links call the URL builder and name it nowhere else.
        Assert.Contains(typeof(RouteUrl), UsedTypes(typeof(DashboardLinks)));
    }

    /// <summary>Every feature <paramref name="from"/> uses, directly or through others.</summary>
    private static HashSet<string> Reachable(Dictionary<string, Dictionary<string, string>> uses, string from)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var feature))
        {
            foreach (var next in uses.GetValueOrDefault(feature)?.Keys ?? Enumerable.Empty<string>())
            {
                if (reached.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return reached;
    }

    /// <summary>For each feature, the features its types use, each with one example of the use.</summary>
    private static Dictionary<string, Dictionary<string, string>> FeatureUses()
    {
        var uses = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes())
        {
            if (Feature(type) is not { } from)
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                if (Feature(used) is { } to && to != from)
                {
                    var targets = uses.TryGetValue(from, out var existing) ? existing : uses[from] = new(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }

        return uses;
    }

    /// <summary>The feature a library type belongs to: the namespace part after <c>PacSubmissions.</c>, or null for the root and other assemblies.</summary>
    private static string? Feature(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }

        return outer.Assembly == Library && outer.Namespace is { } ns && ns.StartsWith("PacSubmissions.", StringComparison.Ordinal)
            ? ns["PacSubmissions.".Length..].Split('.')[0]
            : null;
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)).ToList();
        foreach (var method in methods)
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }

            direct.AddRange(BodyTypes(method));
        }

        return direct.OfType<Type>().SelectMany(Unwrap);
    }

    /// <summary>A type and the types inside it: element types and generic arguments.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Unwrap).Append(type.GetGenericTypeDefinition())
            : [type];
    }

    /// <summary>The types a method's IL names: the declaring types of the methods and fields it calls and loads, and the types it tests, casts or creates.</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                if (member is Type used)
                {
                    yield return used;
                }
                else if (member?.DeclaringType is { } owner)
                {
                    yield return owner;
                }
            }

            at += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}
