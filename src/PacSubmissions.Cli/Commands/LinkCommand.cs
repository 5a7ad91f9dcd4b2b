using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Upload;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac link CENTRE [--year Y] [--revoke] [--email]</c>: prints a centre's personal upload link (or, with
/// <c>--email</c>, e-mails one to the coordinator); with <c>--revoke</c> first
/// invalidates every link that centre was sent before, so only the new one works. Other centres' links are untouched.
/// The same operations as the dashboard's "copy link", "e-mail the link" and "revoke", audited as <c>pac</c> and the OS user.
/// </summary>
internal static class LinkCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var centreArgument = new Argument<string>("centre") { Description = "The centre's id, e.g. demo-almaty." };
        var yearOption = new Option<int?>("--year") { Description = "The campaign year; when left out, the campaign that takes uploads today (asked for when none or several do)." };
        var revokeOption = new Option<bool>("--revoke") { Description = "Invalidate this centre's earlier links before printing a new one." };
        var emailOption = new Option<bool>("--email") { Description = "E-mail a new link to the centre's coordinator instead of printing it." };
        var command = new Command("link", "Print a centre's personal upload link, or e-mail it to the coordinator.") { centreArgument, yearOption, revokeOption, emailOption };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            if (await CentreCampaign.FindAsync(services, parse.GetValue(centreArgument)!, parse.GetValue(yearOption), error, cancellationToken)
                is not var (centre, campaign))
            {
                return 1;
            }

            var operations = services.GetRequiredService<LinkOperations>();
            if (parse.GetValue(revokeOption))
            {
                var revokedAt = await operations.RevokeAsync(campaign, centre, PacSettings.Operator, cancellationToken);
                await error.WriteLineAsync($"Revoked every link of {centre.Id} issued before {revokedAt:yyyy-MM-dd HH:mm:ss.fff} UTC.");
            }

            await output.WriteLineAsync(parse.GetValue(emailOption)
                ? await operations.EmailAsync(campaign, centre, PacSettings.Operator, cancellationToken)
                : (await operations.CreateAsync(campaign, centre, PacSettings.Operator, cancellationToken)).ToString());
            return 0;
        }));
        return command;
    }
}
