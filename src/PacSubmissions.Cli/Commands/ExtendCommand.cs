using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac extend CENTRE --until "yyyy-MM-dd HH:mm" [--year Y]</c>: gives one centre a later deadline, read in the
/// campaign's own time zone; <c>--clear</c> takes the extension away again.
/// </summary>
public static class ExtendCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var centreArgument = new Argument<string>("centre") { Description = "The centre's id, e.g. demo-almaty." };
        var untilOption = new Option<string?>("--until") { Description = "The centre's new deadline, \"yyyy-MM-dd HH:mm\" in the campaign's time zone." };
        var yearOption = new Option<int?>("--year") { Description = "The campaign year; the newest campaign when left out." };
        var clearOption = new Option<bool>("--clear") { Description = "Remove the centre's extension: the campaign's deadline applies again." };
        var command = new Command("extend", "Extend one centre's deadline.") { centreArgument, untilOption, yearOption, clearOption };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            var until = parse.GetValue(untilOption);
            var clear = parse.GetValue(clearOption);
            if (clear == (until is not null))
            {
                await error.WriteLineAsync("Give either --until \"yyyy-MM-dd HH:mm\" or --clear.");
                return 1;
            }

            await using var services = PacSettings.Services(parse);
            if (await CentreCampaign.FindAsync(services, parse.GetValue(centreArgument)!, parse.GetValue(yearOption), error, cancellationToken)
                is not var (centre, campaign))
            {
                return 1;
            }

            var centreId = centre.Id;
            var deadlines = services.GetRequiredService<CentreDeadlines>();
            if (clear)
            {
                await deadlines.RemoveAsync(campaign.Year, centreId, cancellationToken);
                await output.WriteLineAsync($"{centreId}: the {campaign.Year} campaign's deadline applies again.");
                return 0;
            }

            if (!DateTime.TryParseExact(until, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
            {
                await error.WriteLineAsync($"'{until}' is not a time like \"2030-07-31 23:59\" (read in {campaign.TimeZone}).");
                return 1;
            }

            var deadline = CampaignClock.ToUtc(wallClock, campaign.TimeZone);
            await deadlines.ExtendAsync(campaign.Year, centreId, deadline, cancellationToken);
            await output.WriteLineAsync(
                $"{centreId}: deadline for {campaign.Year} is {wallClock:yyyy-MM-dd HH:mm} {campaign.TimeZone} ({deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC).");
            return 0;
        }));
        return command;
    }
}
