using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac extend CENTRE --until "yyyy-MM-dd HH:mm" [--year Y]</c>: gives one centre a later deadline, read in the
/// campaign's own time zone, by the same operation (and rules) as the dashboard's extend; <c>--clear</c> takes the
/// extension away again.
/// </summary>
internal static class ExtendCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var centreArgument = new Argument<string>("centre") { Description = "The centre's id, e.g. demo-almaty." };
        var untilOption = new Option<string?>("--until") { Description = "The centre's new deadline in the campaign's time zone: a date (its end) or \"yyyy-MM-dd HH:mm\"." };
        var yearOption = new Option<int?>("--year") { Description = "The campaign year; when left out, the campaign that takes uploads today (asked for when none or several do)." };
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

            var operations = services.GetRequiredService<CampaignOperations>();
            if (clear)
            {
                await operations.ClearExtensionAsync(campaign, centre, PacSettings.Operator, cancellationToken);
                await output.WriteLineAsync($"{centre.Id}: the {campaign.Year} campaign's deadline applies again.");
                return 0;
            }

            var deadline = await operations.ExtendAsync(campaign, centre, until, PacSettings.Operator, cancellationToken);
            await output.WriteLineAsync(
                $"{centre.Id}: deadline for {campaign.Year} is {CampaignClock.InZone(deadline, campaign.TimeZone):yyyy-MM-dd HH:mm} {campaign.TimeZone} ({deadline.UtcDateTime:yyyy-MM-dd HH:mm} UTC).");
            return 0;
        }));
        return command;
    }
}
