using System.Globalization;
using PacSubmissions.Campaigns;

namespace PacSubmissions.Exports;

/// <summary>The compiled report's fixed wording, shared by the DOCX and the HTML so both say the same.</summary>
internal static class CompiledReportText
{
    public const string NoAnswer = "No answer in this centre's report.";
    public const string WhoReported = "Who reported and when";
    public const string Answers = "Answers by question";
    public static readonly IReadOnlyList<string> TableHeaders = ["Centre", "Country", "Status", "Received (campaign time)", "Versions"];

    public static string Title(int year) => FormattableString.Invariant($"IFLA PAC Centres: annual reports {year}");

    public static string NoneReported => "No centre has sent a report yet.";

    /// <summary>When a report arrived, in the zone HQ set the campaign in, with its offset so nobody has to guess.</summary>
    public static string Received(Campaign campaign, DateTimeOffset? at) => at is { } value
        ? CampaignClock.InZone(value, campaign.TimeZone).ToString("yyyy-MM-dd HH:mm (UTCzzz)", CultureInfo.InvariantCulture)
        : "";

    public static IReadOnlyList<string> TableRow(Campaign campaign, CompiledCentre centre) =>
    [
        centre.Name,
        centre.Overview.Centre.Country,
        CampaignTableCsv.StatusText(centre.Overview.State),
        Received(campaign, centre.Overview.Counting?.ReceivedAt),
        centre.Overview.Versions.ToString(CultureInfo.InvariantCulture),
    ];
}
