using PacSubmissions.Audit;
using PacSubmissions.Overview;
using PacSubmissions.Storage;

namespace PacSubmissions.Messages;

/// <summary>
/// Which active centres HQ's message goes to, by where they stand (<see cref="CentreReportState"/>); spelt in forms and on
/// <c>pac message --state</c> as <c>not-yet</c>, <c>incomplete</c>, <c>unreadable</c>, <c>late</c>, <c>all</c>.
/// </summary>
public enum MessageAudience
{
    /// <summary>Nothing uploaded yet.</summary>
    NotYet,

    /// <summary>The report that counts misses answers.</summary>
    Incomplete,

    /// <summary>Nothing the centre sent could be read (or the newest upload could not be processed at all).</summary>
    Unreadable,

    /// <summary>
    /// Past their own deadline (an extension counted, with the grace) and still without a complete report: nothing sent,
    /// or an incomplete or unreadable one. Not the centres whose complete report came late: they are done.
    /// </summary>
    Late,

    All,
}

/// <summary>The audiences as HQ's form offers them, and the one rule of who is in which.</summary>
public static class MessageAudiences
{
    public static readonly IReadOnlyList<(MessageAudience Audience, string Label)> Labels =
    [
        (MessageAudience.NotYet, "Not yet sent anything"),
        (MessageAudience.Incomplete, "Incomplete report"),
        (MessageAudience.Unreadable, "Unreadable report (or one that could not be processed)"),
        (MessageAudience.Late, "Late: past their deadline without a complete report"),
        (MessageAudience.All, "All active centres"),
    ];

    public static string NameOf(MessageAudience audience) => StoredNames.Of(audience);

    public static string LabelOf(MessageAudience audience) => Labels.First(l => l.Audience == audience).Label;

    /// <summary>The audience a form or <c>--state</c> names; refused, listing the names, when it names none.</summary>
    public static MessageAudience Parse(string? name)
    {
        var found = Enum.GetValues<MessageAudience>().Where(a => string.Equals(NameOf(a), name?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count == 1
            ? found[0]
            : throw new OperationRefusedException(
                $"'{name}' is no state to message: give one of {string.Join(", ", Enum.GetValues<MessageAudience>().Select(NameOf))}.");
    }

    /// <summary>Whether a centre in <paramref name="state"/>, past its own deadline or not (<paramref name="overdue"/>), is in the audience.</summary>
    public static bool Includes(MessageAudience audience, CentreReportState state, bool overdue) => audience switch
    {
        MessageAudience.NotYet => state == CentreReportState.NotYet,
        MessageAudience.Incomplete => state == CentreReportState.Incomplete,
        MessageAudience.Unreadable => state is CentreReportState.Unreadable or CentreReportState.Failed,
        MessageAudience.Late => overdue && state is CentreReportState.NotYet or CentreReportState.Incomplete or CentreReportState.Unreadable or CentreReportState.Failed,
        _ => true,
    };
}
