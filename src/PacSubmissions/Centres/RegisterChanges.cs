using System.Security.Cryptography;
using System.Text;

namespace PacSubmissions.Centres;

/// <summary>One field of a centre that a change sets anew: its register column, what it was, what it becomes.</summary>
public sealed record FieldChange(string Column, string Old, string New);

/// <summary>A centre a change adds (<see cref="Before"/> null) or changes, with the fields that differ.</summary>
public sealed record CentreChange(Centre? Before, Centre After, IReadOnlyList<FieldChange> Fields)
{
    public bool IsNew => Before is null;
}

/// <summary>
/// What saving centres would do to the register: which are added, which fields of which change (old → new), which are
/// already as given. The dashboard's import preview shows it, and <c>LinkOperations.SaveCentresAsync</c> writes it to
/// the audit log, so the two always say the same.
/// </summary>
public sealed record RegisterChanges(IReadOnlyList<CentreChange> Changes, IReadOnlyList<Centre> Unchanged)
{
    public IEnumerable<Centre> Added => Changes.Where(c => c.IsNew).Select(c => c.After);

    public IEnumerable<CentreChange> Changed => Changes.Where(c => !c.IsNew);

    /// <summary>The centres to write: only those that are new or differ.</summary>
    public IReadOnlyList<Centre> ToSave => [.. Changes.Select(c => c.After)];

    public static RegisterChanges Between(IReadOnlyList<Centre> register, IReadOnlyList<Centre> given)
    {
        var current = register.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changes = new List<CentreChange>();
        var unchanged = new List<Centre>();
        foreach (var centre in given)
        {
            var before = current.GetValueOrDefault(centre.Id);
            var fields = before is null ? [] : Differences(before, centre);
            if (before is not null && fields.Count == 0)
            {
                unchanged.Add(centre);
            }
            else
            {
                changes.Add(new CentreChange(before, centre, fields));
            }
        }

        return new RegisterChanges(changes, unchanged);
    }

    /// <summary>The changes in one line, for the audit log: "added kz-almaty; changed br-rio (language 'pt' → 'es')".</summary>
    public string Describe()
    {
        if (Changes.Count == 0)
        {
            return $"no change: {Unchanged.Count} centre(s) already as given";
        }

        var parts = Changes.Select(c => c.IsNew
            ? $"added {c.After.Id} ({c.After.Name})"
            : $"changed {c.After.Id} ({string.Join(", ", c.Fields.Select(f => $"{f.Column} '{f.Old}' → '{f.New}'"))})");
        return string.Join("; ", parts) + (Unchanged.Count > 0 ? $"; {Unchanged.Count} unchanged" : "");
    }

    /// <summary>
    /// A fingerprint of the whole register as it is: a preview carries it, and applying the preview refuses when the
    /// register's fingerprint is no longer the same (someone changed it in between).
    /// </summary>
    public static string Fingerprint(IReadOnlyList<Centre> register)
    {
        using var text = new StringWriter();
        CentreCsv.Write(text, register);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static List<FieldChange> Differences(Centre before, Centre after) =>
        [.. CentreCsv.Columns
            .Zip(CentreCsv.Values(before), CentreCsv.Values(after))
            .Where(f => !string.Equals(f.Second, f.Third, StringComparison.Ordinal))
            .Select(f => new FieldChange(f.First, f.Second, f.Third))];
}
