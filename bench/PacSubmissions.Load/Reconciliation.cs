using System.Globalization;
using System.Text;

namespace PacSubmissions.Load;

/// <summary>
/// What storage and the mail provider hold against what the uploads were told. <see cref="Lost"/>: an accepted upload
/// missing its blob, its checked row, HQ's e-mail or the receipt (or a stored file nobody processed).
/// <see cref="Duplicated"/>: anything there more than once. <see cref="Unacknowledged"/>: reports stored and processed
/// although their client never got the answer (it then tried again, so the centre has one more version; not a loss).
/// </summary>
public sealed record Reconciliation(
    int Accepted,
    int Recorded,
    IReadOnlyList<string> Lost,
    IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> Unacknowledged,
    IReadOnlyList<TimeSpan> Latencies)
{
    public bool IsClean => Lost.Count == 0 && Duplicated.Count == 0;

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Accepted} accepted uploads, {Recorded} fully recorded (blob, checked row, HQ e-mail, receipt); ");
        text.Append(CultureInfo.InvariantCulture, $"{Lost.Count} lost, {Duplicated.Count} duplicated, {Unacknowledged.Count} stored without an answer to the client.");
        foreach (var (label, items) in new[] { ("Lost", Lost), ("Duplicated", Duplicated), ("Stored without an answer", Unacknowledged) })
        {
            foreach (var item in items.Take(20))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {label}: {item}");
            }

            if (items.Count > 20)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {label}: … and {items.Count - 20} more");
            }
        }

        return text.ToString();
    }
}
