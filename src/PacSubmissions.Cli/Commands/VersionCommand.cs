using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Submissions;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac version recheck|choose CENTRE SUBMISSION-ID [--year Y]</c>: checks one uploaded version again, or makes it the
/// one that counts, by the same operations as the dashboard's "Check again" and "Make this the one that counts".
/// </summary>
internal static class VersionCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("version", "One of a centre's uploaded versions (their ids are on the centre's dashboard page).")
        {
            Operation("recheck", "Read the version again with this version of the app, and record its new check.", output, error,
                (operations, campaign, centre, id, cancellationToken) => operations.RecheckAsync(campaign, centre, id, PacSettings.Operator, cancellationToken)),
            Operation("choose", "Make the version the one that counts, until the centre sends a readable version after this choice.", output, error,
                (operations, campaign, centre, id, cancellationToken) => operations.ChooseAsync(campaign, centre, id, PacSettings.Operator, cancellationToken)),
        };

    private static Command Operation(
        string name, string description, TextWriter output, TextWriter error,
        Func<VersionOperations, Campaign, Centre, string, CancellationToken, Task<string>> run)
    {
        var centreArgument = new Argument<string>("centre") { Description = "The centre's id, e.g. demo-almaty." };
        var versionArgument = new Argument<string>("submission-id") { Description = "The version's id, e.g. 20300701T120000000Z-0a1b2c3d." };
        var yearOption = new Option<int?>("--year") { Description = "The campaign year; when left out, the campaign that takes uploads today (asked for when none or several do)." };
        var command = new Command(name, description) { centreArgument, versionArgument, yearOption };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            if (await CentreCampaign.FindAsync(services, parse.GetValue(centreArgument)!, parse.GetValue(yearOption), error, cancellationToken)
                is not var (centre, campaign))
            {
                return 1;
            }

            await output.WriteLineAsync(await run(services.GetRequiredService<VersionOperations>(), campaign, centre, parse.GetValue(versionArgument)!, cancellationToken));
            return 0;
        }));
        return command;
    }
}
