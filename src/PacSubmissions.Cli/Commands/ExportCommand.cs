using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Exports;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac export table|reports|compiled YEAR [--format docx|html] --output FILE</c>: the dashboard's exports, written to
/// a file, which appears only once complete (<see cref="CompleteFile"/>).
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Kinds = ["table", "reports", "compiled"];
    private static readonly string[] Formats = ["docx", "html"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var kindArgument = new Argument<string>("export") { Description = "table (CSV), reports (ZIP of the newest reports) or compiled (every answer)." };
        kindArgument.AcceptOnlyFromAmong(Kinds);
        var yearArgument = new Argument<int>("year") { Description = "The campaign year." };
        var formatOption = new Option<string>("--format") { Description = "For compiled: docx (default) or html.", DefaultValueFactory = _ => "docx" };
        formatOption.AcceptOnlyFromAmong(Formats);
        var outputOption = new Option<FileInfo>("--output") { Description = "The file to write.", Required = true };
        var command = new Command("export", "Export a campaign: its table as CSV, its newest reports as ZIP, or the compiled report.")
        {
            kindArgument, yearArgument, formatOption, outputOption,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            var year = parse.GetValue(yearArgument);
            var kind = parse.GetValue(kindArgument) switch
            {
                "table" => CampaignExportKind.Table,
                "reports" => CampaignExportKind.Reports,
                _ => parse.GetValue(formatOption) == "html" ? CampaignExportKind.CompiledHtml : CampaignExportKind.CompiledDocx,
            };
            var target = parse.GetValue(outputOption)!;
            if (target.Directory is { Exists: false } folder)
            {
                await error.WriteLineAsync($"No folder {folder.FullName}.");
                return 1;
            }

            await using var services = PacSettings.Services(parse);
            var exports = services.GetRequiredService<CampaignExports>();
            if (await exports.LoadAsync(year, cancellationToken) is not { } overview)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"There is no campaign for {year}."));
                return 1;
            }

            await CompleteFile.WriteAsync(target, (file, token) => exports.WriteAsync(overview, kind, file, token), cancellationToken);

            await output.WriteLineAsync($"Wrote {CampaignExport.FileName(year, kind)} for {overview.Centres.Count} active centre(s) to {target.FullName}.");
            return 0;
        }));
        return command;
    }
}
