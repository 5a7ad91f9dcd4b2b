using Microsoft.AspNetCore.Http;
using PacSubmissions.Overview;

namespace PacSubmissions.Dashboard;

/// <summary>
/// How HQ asked to see the campaign table: a state to keep, words to look for, a column to sort by. Read from the query
/// string, so filtering and sorting work without script and every view can be bookmarked.
/// </summary>
public sealed record CampaignTableView(CentreReportState? State, string? Search, string Sort, bool Descending)
{
    public const string StateParameter = "state";
    public const string SearchParameter = "q";
    public const string SortParameter = "sort";
    public const string DirectionParameter = "dir";

    public static readonly IReadOnlyList<(string Key, string Label)> Columns =
    [
        ("centre", "Centre"), ("state", "State"), ("uploaded", "Upload that counts"), ("versions", "Versions"),
        ("answered", "Questions answered"), ("reminders", "Reminders sent"), ("extension", "Extended deadline"),
    ];

    public static CampaignTableView From(HttpRequest request)
    {
        var query = request.Query;
        var state = StateNames.FirstOrDefault(s => s.Name == query[StateParameter].FirstOrDefault()).State;
        var search = query[SearchParameter].FirstOrDefault()?.Trim();
        var sort = query[SortParameter].FirstOrDefault() is { } s && Columns.Any(c => c.Key == s) ? s : "centre";
        return new CampaignTableView(state, string.IsNullOrEmpty(search) ? null : search, sort, query[DirectionParameter].FirstOrDefault() == "desc");
    }

    public static readonly IReadOnlyList<(CentreReportState? State, string Name, string Label)> StateNames =
    [
        (CentreReportState.NotYet, "not-yet", "Not yet"),
        (CentreReportState.OnTime, "on-time", "On time"),
        (CentreReportState.Late, "late", "Late"),
        (CentreReportState.Incomplete, "incomplete", "Incomplete"),
        (CentreReportState.Unreadable, "unreadable", "Unreadable"),
        (CentreReportState.Failed, "failed", "Could not be processed"),
    ];

    public static string NameOf(CentreReportState state) => StateNames.First(s => s.State == state).Name;

    public static string LabelOf(CentreReportState state) => StateNames.First(s => s.State == state).Label;

    public string? StateName => State is { } s ? NameOf(s) : null;

    public IReadOnlyList<CentreOverview> Apply(IEnumerable<CentreOverview> rows)
    {
        var kept = rows.Where(r => (State is null || r.State == State) && Matches(r));
        var ordered = Sort switch
        {
            "state" => Order(kept, r => (int)r.State),
            "uploaded" => Order(kept, r => r.Counting?.ReceivedAt ?? DateTimeOffset.MinValue),
            "versions" => Order(kept, r => r.Versions),
            "answered" => Order(kept, r => r.SectionsAnswered.Count),
            "reminders" => Order(kept, r => r.RemindersSent),
            "extension" => Order(kept, r => r.ExtendedDeadline ?? DateTimeOffset.MinValue),
            _ => Order(kept, r => r.Centre.Name, StringComparer.CurrentCultureIgnoreCase),
        };
        return [.. ordered.ThenBy(r => r.Centre.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private IOrderedEnumerable<CentreOverview> Order<TKey>(IEnumerable<CentreOverview> rows, Func<CentreOverview, TKey> key, IComparer<TKey>? comparer = null) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private bool Matches(CentreOverview row) =>
        Search is null
        || new[] { row.Centre.Id, row.Centre.Name, row.Centre.Institution, row.Centre.City, row.Centre.Country }
            .Any(text => text.Contains(Search, StringComparison.CurrentCultureIgnoreCase));
}
