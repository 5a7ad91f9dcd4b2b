using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;

namespace PacSubmissions.Cli.Commands;

/// <summary><c>pac campaign open YEAR [--deadline …] [--timezone …] …</c>: creates a year's campaign or changes its dates.</summary>
public static class CampaignCommand
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
        var command = new Command("open", "Create a campaign, or change the dates of an existing one.") { year, timeZone, deadline, opens, lateUntil, grace };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var zone = parse.GetValue(timeZone)!;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            Campaign campaign;
            try
            {
                campaign = Campaign.WithDefaults(parse.GetValue(year), now, zone);
                if (parse.GetValue(deadline) is { } d)
                {
                    var at = Instant(d, zone, endOfDay: true);
                    campaign = campaign with { Deadline = at, LateUploadsCloseAt = at + Campaign.DefaultLateWindow };
                }

                campaign = campaign with
                {
                    OpensAt = parse.GetValue(opens) is { } o ? Instant(o, zone, endOfDay: false) : campaign.OpensAt,
                    LateUploadsCloseAt = parse.GetValue(lateUntil) is { } l ? Instant(l, zone, endOfDay: true) : campaign.LateUploadsCloseAt,
                    Grace = parse.GetValue(grace) is { } g ? TimeSpan.FromMinutes(g) : campaign.Grace,
                };
            }
            catch (FormatException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return 1;
            }
            catch (ArgumentException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return 1;
            }

            if (CampaignProblem(campaign) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return 1;
            }

            await services.GetRequiredService<CampaignStore>().SaveAsync(campaign, cancellationToken);
            await output.WriteLineAsync($"Campaign {campaign.Year} ({campaign.TimeZone}):");
            await output.WriteLineAsync($"  uploads open   {Show(campaign.OpensAt, zone)}");
            await output.WriteLineAsync($"  deadline       {Show(campaign.Deadline, zone)} (grace {campaign.Grace.TotalMinutes:0} min, not shown to centres)");
            await output.WriteLineAsync($"  late uploads   until {Show(campaign.LateUploadsCloseAt, zone)}");
            return 0;
        }));
        return command;
    }

    private static string? CampaignProblem(Campaign campaign) =>
        campaign.Deadline <= campaign.OpensAt ? "The deadline must come after the opening."
        : campaign.LateUploadsCloseAt < campaign.Deadline ? "Late uploads must close after the deadline."
        : campaign.Grace < TimeSpan.Zero ? "The grace period cannot be negative."
        : null;

    private static DateTimeOffset Instant(string text, string zone, bool endOfDay)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return CampaignClock.ToUtc(endOfDay ? date.AddDays(1).AddSeconds(-1) : date, zone);
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return CampaignClock.ToUtc(dateTime, zone);
        }

        throw new FormatException($"'{text}' is not a date (2027-07-15) or a date and time (2027-07-15T23:59).");
    }

    private static string Show(DateTimeOffset instant, string zone) =>
        $"{CampaignClock.InZone(instant, zone):yyyy-MM-dd HH:mm:ss} ({instant.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)";
}
