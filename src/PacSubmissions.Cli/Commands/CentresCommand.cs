using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Centres;
using PacSubmissions.Csv;
using PacSubmissions.Upload;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac centres import FILE.csv</c>, <c>pac centres export [--output FILE]</c> and <c>pac centres list</c>: the centre
/// register as CSV, and a look at it that names the centres whose time zone HQ must set by hand. An import that changes
/// a coordinator's address during an open campaign revokes the centre's old links and e-mails the new address a new one.
/// </summary>
internal static class CentresCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("centres", "The centre register: import or export it as CSV, or list it.") { Import(output, error), Export(output, error), List(output, error) };

    private static Command Import(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV with the columns " + string.Join(",", CentreCsv.Columns) + "." };
        var command = new Command("import", "Create or update centres from a CSV; a file with any bad row changes nothing.") { file };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"No file {path.FullName}.");
                return 1;
            }

            CentreCsvImport import;
            await using (var stream = path.OpenRead())
            {
                import = CentreCsv.Read(stream);
            }

            if (!import.IsValid)
            {
                foreach (var problem in import.Errors)
                {
                    var where = problem.Line == 0 ? "file" : $"line {problem.Line}" + (problem.CentreId is { Length: > 0 } id ? $" ({id})" : "");
                    await error.WriteLineAsync($"{where}: {problem.Message}");
                }

                await error.WriteLineAsync($"Nothing was imported: {import.Errors.Count} problem(s). Correct the file and import it again.");
                return 1;
            }

            await using var services = PacSettings.Services(parse);
            // A changed coordinator address, while a campaign is open, revokes the centre's old links and e-mails the new address one.
            var saved = await services.GetRequiredService<LinkOperations>().SaveCentresAsync(import.Centres, PacSettings.Operator, cancellationToken);
            await output.WriteLineAsync($"Imported {import.Centres.Count} centre(s): {saved.Changes.Added.Count()} added, {saved.Changes.Changed.Count()} changed, {saved.Changes.Unchanged.Count} unchanged.");
            foreach (var change in saved.AddressChanges)
            {
                await output.WriteLineAsync(change);
            }

            await WriteMissingZonesAsync(output, import.Centres);
            return 0;
        }));
        return command;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var file = new Option<FileInfo?>("--output") { Description = "Write to this file (UTF-8 with BOM, for Excel) instead of the screen." };
        var command = new Command("export", "Write the centre register as CSV.") { file };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var centres = await services.GetRequiredService<CentreRegister>().ListAsync(cancellationToken);
            if (parse.GetValue(file) is { } path)
            {
                await using var writer = new StreamWriter(path.FullName, append: false, CsvFile.Utf8WithBom);
                CentreCsv.Write(writer, centres);
                await output.WriteLineAsync($"Wrote {centres.Count} centre(s) to {path.FullName}.");
            }
            else
            {
                CentreCsv.Write(output, centres);
            }

            return 0;
        }));
        return command;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var command = new Command("list", "List the centres with their place, language and time zone, and name those whose zone must be set by hand.");
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var centres = await services.GetRequiredService<CentreRegister>().ListAsync(cancellationToken);
            foreach (var c in centres.OrderBy(c => c.Id, StringComparer.Ordinal))
            {
                var place = string.Join(", ", new[] { c.City, c.Country }.Where(p => p.Length > 0));
                await output.WriteLineAsync($"{c.Id}\t{c.Name}\t{place}\t{c.Language}\t{(c.NeedsTimeZone ? "(no time zone)" : c.TimeZone)}{(c.Active ? "" : "\tinactive")}");
            }

            await output.WriteLineAsync($"{centres.Count} centre(s).");
            await WriteMissingZonesAsync(output, centres);
            return 0;
        }));
        return command;
    }

    /// <summary>The centres whose city and country leave the zone open: their coordinators see times in the campaign's zone until HQ sets one.</summary>
    private static async Task WriteMissingZonesAsync(TextWriter output, IReadOnlyList<Centre> centres)
    {
        var missing = centres.Where(c => c.NeedsTimeZone).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync($"{missing.Count} centre(s) need a time zone set by hand (their city and country do not settle it): " +
            string.Join(", ", missing.Select(c => $"{c.Id} ({string.Join(", ", new[] { c.City, c.Country }.Where(p => p.Length > 0))})")) +
            ". Fill in their time_zone column (an IANA zone, e.g. America/Sao_Paulo) and import the file again.");
    }
}
