using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Privacy;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac person export ADDRESS [--output FILE]</c> and <c>pac person forget ADDRESS [--apply]</c>: a coordinator's
/// access and erasure requests (docs/privacy.md).
/// </summary>
internal static class PersonCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Names and answers in every script as written, for the person who reads the export.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static Command Create(TextWriter output, TextWriter error) =>
        new("person", "What is held about one e-mail address: export it, or forget it.")
        {
            Export(output, error),
            Forget(output, error),
        };

    private static Argument<string> AddressArgument() => new("address") { Description = "The e-mail address (any case)." };

    private static Command Export(TextWriter output, TextWriter error)
    {
        var address = AddressArgument();
        var outputOption = new Option<FileInfo?>("--output", "--out") { Description = "Write the JSON to this file instead of standard output." };
        var command = new Command("export", "Everything held about the address, as JSON: register, e-mails, audit entries, readings, report files.")
        {
            address, outputOption,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            if (parse.GetValue(outputOption) is { Directory: { Exists: false } folder })
            {
                await error.WriteLineAsync($"No folder {folder.FullName}.");
                return 1;
            }

            await using var services = PacSettings.Services(parse);
            var records = await services.GetRequiredService<PersonalData>().ExportAsync(parse.GetValue(address)!, PacSettings.Operator, cancellationToken);
            if (parse.GetValue(outputOption) is not { } target)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(records, Json));
                return 0;
            }

            await CompleteFile.WriteAsync(target, (file, token) => JsonSerializer.SerializeAsync(file, records, Json, token), cancellationToken);

            await output.WriteLineAsync($"Wrote what is held about the address to {target.FullName}{(records.IsEmpty ? " (nothing is held)" : "")}.");
            return 0;
        }));
        return command;
    }

    private static Command Forget(TextWriter output, TextWriter error)
    {
        var address = AddressArgument();
        var applyOption = new Option<bool>("--apply") { Description = "Make the changes listed (without it, nothing is changed)." };
        var command = new Command("forget", "Remove the address and the coordinator's name from the register, e-mails, audit log and readings (a dry run unless --apply).")
        {
            address, applyOption,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var apply = parse.GetValue(applyOption);
            var forgotten = await services.GetRequiredService<PersonalData>().ForgetAsync(parse.GetValue(address)!, apply, PacSettings.Operator, cancellationToken);
            if (forgotten.IsEmpty)
            {
                await output.WriteLineAsync("Nothing is held about the address.");
                return 0;
            }

            await output.WriteLineAsync($"{(apply ? "Removed" : "Would remove")} the address from {forgotten.Counts}.");
            foreach (var centre in forgotten.CentresWithoutCoordinator)
            {
                await output.WriteLineAsync($"{centre} {(apply ? "now has" : "would have")} no coordinator: it gets no e-mails (HQ is told) until a new address is imported with pac centres import.");
            }

            await output.WriteLineAsync($"{forgotten.ReportFilesKept} report files of the centre are kept, as its official reports, until the retention purge (docs/privacy.md).");
            if (!apply)
            {
                await output.WriteLineAsync("Dry run: nothing was changed. Run again with --apply to remove.");
            }

            return 0;
        }));
        return command;
    }
}
