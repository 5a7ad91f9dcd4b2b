using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacSubmissions.Privacy;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac purge [--apply]</c>: lists, per campaign past its retention (<c>Privacy:RetentionYears</c>), what the retention
/// purge deletes; with <c>--apply</c> deletes it, one audit entry per campaign. The daily timer runs the same purge.
/// </summary>
internal static class PurgeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var applyOption = new Option<bool>("--apply") { Description = "Delete what is listed (without it, nothing is changed)." };
        var command = new Command("purge", "Delete the reports, readings, e-mails and audit details of campaigns past their retention (a dry run unless --apply).")
        {
            applyOption,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var purge = services.GetRequiredService<RetentionPurge>();
            var apply = parse.GetValue(applyOption);
            var years = services.GetRequiredService<IOptions<PrivacyOptions>>().Value.RetentionYears;
            var campaigns = apply
                ? await purge.ApplyAsync(PacSettings.Operator, cancellationToken)
                : await purge.PlanAsync(cancellationToken);
            if (campaigns.Count == 0)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Nothing to delete: no campaign holds data more than {years} years after its late uploads closed."));
                return 0;
            }

            foreach (var campaign in campaigns)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{campaign.Year} (retention ended {campaign.ExpiredAt:yyyy-MM-dd}): {(apply ? "deleted" : "would delete")} {campaign.Counts}"));
            }

            if (!apply)
            {
                await output.WriteLineAsync("Dry run: nothing was changed. Run again with --apply to delete.");
            }

            return 0;
        }));
        return command;
    }
}
