using System.CommandLine;
using PacSubmissions.Cli.Commands;

namespace PacSubmissions.Cli;

/// <summary>The <c>pac</c> command tree. Each feature adds its commands here.</summary>
internal static class PacCommand
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("IFLA PAC Submissions: the jobs HQ and IT run by hand.")
        {
            LinkCommand.Create(output, error),
            CentresCommand.Create(output, error),
            CampaignCommand.Create(output, error),
            RemindersCommand.Create(output, error),
            ExtendCommand.Create(output, error),
            VersionCommand.Create(output, error),
            ExtractCommand.Create(output, error),
            ExportCommand.Create(output, error),
            FormCommand.Create(output, error),
            BackupCommand.CreateBackup(output, error),
            BackupCommand.CreateRestore(output, error),
            PurgeCommand.Create(output, error),
            PersonCommand.Create(output, error),
        };
        root.Options.Add(PacSettings.SettingsOption);
        return root;
    }
}
