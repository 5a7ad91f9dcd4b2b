using System.Text.RegularExpressions;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Deployment;

/// <summary>
/// Every role definition id in infra/ is one of Azure's built-in roles as infra/reference/builtin-roles.tsv lists them
/// (Microsoft's own table, with its sources), and the comment naming it gives that role's name: ARM refuses an
/// assignment to an id that does not exist (RoleDefinitionDoesNotExist) and nothing after it is provisioned.
/// </summary>
public sealed partial class RoleDefinitionTests
{
    public sealed record RoleReference(string File, int Line, string Id, string? NamedAs);

    [Fact]
    public void EveryRoleIdInInfraIsABuiltInRoleNamedAsTheListNamesIt()
    {
        var builtIn = BuiltInRoles();
        var references = References(InfraFiles()).ToList();

        Assert.NotEmpty(references);
        var problems = references.Select(r => Problem(r, builtIn)).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void AnIdThatIsNoBuiltInRoleOrAWrongNameIsReported()
    {
        var builtIn = BuiltInRoles();
        const string bicep = """
            var roles = [
              // Storage Queue Data Contributor: the poison queue.
              '974c5e8b-45b9-4653-ba55-5f855dd0f90b'
              // Storage Table Data Reader: a name that is not this id's.
              '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
              '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
            ]
            """;

        var problems = References([("sample.bicep", bicep)]).Select(r => Problem(r, builtIn)).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains("no built-in role", problems[0], StringComparison.Ordinal);
        Assert.Contains("Storage Table Data Contributor", problems[1], StringComparison.Ordinal);
        Assert.Null(problems[2]);
    }

    private static string? Problem(RoleReference reference, Dictionary<string, string> builtIn)
    {
        var where = $"{reference.File}:{reference.Line}";
        if (!builtIn.TryGetValue(reference.Id, out var name))
        {
            return $"{where}: {reference.Id} is no built-in role in infra/reference/builtin-roles.tsv.";
        }

        return reference.NamedAs == name
            ? null
            : $"{where}: {reference.Id} is \"{name}\", but the comment naming it says \"{reference.NamedAs ?? "(nothing)"}\".";
    }

    /// <summary>
    /// Each GUID with the comment that names it: a trailing comment on its line, or else the first line of the comment
    /// block just above it (or above its variable), up to a colon.
    /// </summary>
    public static IEnumerable<RoleReference> References(IEnumerable<(string File, string Text)> files)
    {
        foreach (var (file, text) in files)
        {
            var lines = text.ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match guid in Guid().Matches(lines[i]))
                {
                    var trailing = lines[i].IndexOf("//", guid.Index, StringComparison.Ordinal);
                    string? named = trailing >= 0 ? NameIn(lines[i][(trailing + 2)..]) : null;
                    if (named is null)
                    {
                        var top = i;
                        while (top > 0 && lines[top - 1].TrimStart().StartsWith("//", StringComparison.Ordinal))
                        {
                            top--;
                        }

                        named = top < i ? NameIn(lines[top].TrimStart()[2..]) : null;
                    }

                    yield return new RoleReference(file, i + 1, guid.Value.ToLowerInvariant(), named);
                }
            }
        }
    }

    private static string NameIn(string comment)
    {
        var colon = comment.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? comment[..colon] : comment).Trim().TrimEnd('.');
    }

    private static IEnumerable<(string File, string Text)> InfraFiles()
    {
        var infra = BicepCli.InfraDirectory;
        var reference = Path.Combine(infra, "reference") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(infra, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(reference, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepositoryRoot.Find(), f), File.ReadAllText(f)));
    }

    private static Dictionary<string, string> BuiltInRoles() =>
        File.ReadLines(Path.Combine(BicepCli.InfraDirectory, "reference", "builtin-roles.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .ToDictionary(columns => columns[1], columns => columns[0], StringComparer.Ordinal);

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();
}
