using System.CommandLine;
using PacSubmissions.Forms;

namespace PacSubmissions.Cli.Commands;

/// <summary><c>pac form check FILE</c>: whether a form definition (JSON) is fit to read reports with, before a campaign uses it.</summary>
public static class FormCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "A form definition (JSON), e.g. src/PacSubmissions/Forms/pac-annual-report-2020.json." };
        var check = new Command("check", "Validate a form definition: exit 0, or one line per problem and exit 2.") { fileArgument };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(fileArgument)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"No such file: {file.FullName}");
                return 2;
            }

            await using var stream = file.OpenRead();
            var (form, problems) = FormDefinitions.Load(stream);
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"{file.Name}: {problem}");
            }

            if (problems.Count > 0)
            {
                return 2;
            }

            await output.WriteLineAsync($"{file.Name}: form {form!.Version} is valid ({form.Questions.Count} questions, {form.RequiredKeys.Count} required).");
            return 0;
        });
        return new Command("form", "The report form's definition.") { check };
    }
}
