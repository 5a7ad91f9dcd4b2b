using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Storage;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac backup [--container C]</c> copies every table to a blob container; <c>pac restore BACKUP [--container C]</c>
/// writes one complete backup back. See docs/deploy.md, "Back up and restore the tables".
/// </summary>
internal static class BackupCommand
{
    public const string DefaultContainer = "table-backups";

    private static Option<string> ContainerOption() => new("--container")
    {
        Description = $"The blob container of the same storage account the backups live in (default {DefaultContainer}).",
        DefaultValueFactory = _ => DefaultContainer,
    };

    public static Command CreateBackup(TextWriter output, TextWriter error)
    {
        var container = ContainerOption();
        var command = new Command("backup", "Copy every table (centres, campaigns, submissions, e-mails, audit) to a blob container.") { container };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var name = await services.GetRequiredService<TableBackup>().BackUpAsync(parse.GetValue(container)!, cancellationToken);
            await output.WriteLineAsync($"Backed up every table to {parse.GetValue(container)}/{name}/ (restore it with: pac restore {name}).");
            return 0;
        }));
        return command;
    }

    public static Command CreateRestore(TextWriter output, TextWriter error)
    {
        var container = ContainerOption();
        var backup = new Argument<string>("backup") { Description = "The backup's name, as pac backup printed it (backup-yyyyMMddTHHmmssZ)." };
        var command = new Command("restore", "Write a complete backup's rows back into the tables (rows of the same keys are replaced; others are kept).")
        {
            backup, container,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            try
            {
                var manifest = await services.GetRequiredService<TableBackup>().RestoreAsync(parse.GetValue(container)!, parse.GetValue(backup)!, cancellationToken);
                var rows = string.Join(", ", manifest.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}")));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Restored {parse.GetValue(backup)} (taken {manifest.TakenAt:yyyy-MM-dd HH:mm:ss} UTC): {rows} rows."));
                return 0;
            }
            catch (InvalidDataException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return 1;
            }
        }));
        return command;
    }
}
