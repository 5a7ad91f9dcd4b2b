using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Centres;
using PacSubmissions.Csv;

namespace PacSubmissions.Cli.Commands;

/// <summary><c>pac centres import FILE.csv</c> and <c>pac centres export [--output FILE]</c>: the centre register as CSV.</summary>
internal static class CentresCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("centres", "The centre register: import or export it as CSV.") { Import(output, error), Export(output, error) };

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
            await services.GetRequiredService<CentreRegister>().SaveAllAsync(import.Centres, cancellationToken);
            await output.WriteLineAsync($"Imported {import.Centres.Count} centre(s).");
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
}
