using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Forms;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac campaign open YEAR [--deadline …] [--timezone …] …</c>: creates a year's campaign or changes its dates, by the
/// same operation (and rules) as the dashboard's campaign form.
/// </summary>
internal static class CampaignCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("campaign", "A year's collection of reports.") { Open(output, error) };

    private static Command Open(TextWriter output, TextWriter error)
    {
        var year = new Argument<int>("year") { Description = "The campaign year, e.g. 2027." };
        var timeZone = new Option<string>("--timezone") { Description = "IANA zone the dates are in (default Etc/GMT+12, Anywhere on Earth).", DefaultValueFactory = _ => Campaign.AnywhereOnEarth };
        var deadline = new Option<string?>("--deadline") { Description = "Deadline: a date (its end, 23:59:59) or a date and time, in the zone. Default 15 July." };
        var opens = new Option<string?>("--opens") { Description = "When uploads open: a date (its start) or a date and time, in the zone. Default: now." };
        var lateUntil = new Option<string?>("--late-until") { Description = "Last day late uploads are taken (its end), in the zone. Default: 30 days after the deadline." };
        var grace = new Option<int?>("--grace-minutes") { Description = "Hidden grace after the deadline, reported on time (default 60)." };
        var form = new Option<string>("--form") { Description = "The form definition its reports are read against (default: the current one).", DefaultValueFactory = _ => FormDefinitions.CurrentVersion };
        var command = new Command("open", "Create a campaign, or change the dates of an existing one.") { year, timeZone, deadline, opens, lateUntil, grace, form };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var zone = parse.GetValue(timeZone)!;
            var settings = new CampaignSettings(parse.GetValue(year), zone, parse.GetValue(deadline), parse.GetValue(opens), parse.GetValue(lateUntil), parse.GetValue(grace));
            var campaign = await services.GetRequiredService<CampaignOperations>().OpenAsync(settings, parse.GetValue(form), PacSettings.Operator, cancellationToken);
            await output.WriteLineAsync($"Campaign {campaign.Year} ({campaign.TimeZone}):");
            await output.WriteLineAsync($"  uploads open   {Show(campaign.OpensAt, zone)}");
            await output.WriteLineAsync($"  deadline       {Show(campaign.Deadline, zone)} (grace {campaign.Grace.TotalMinutes:0} min, not shown to centres)");
            await output.WriteLineAsync($"  late uploads   until {Show(campaign.LateUploadsCloseAt, zone)}");
            await output.WriteLineAsync($"  form           {campaign.FormVersion}");
            return 0;
        }));
        return command;
    }

    private static string Show(DateTimeOffset instant, string zone) => CampaignSettings.Show(instant, zone);
}
