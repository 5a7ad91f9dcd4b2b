using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Campaigns;
using PacSubmissions.Forms;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac form check FILE</c>: whether a form definition (JSON) is fit to read reports with, before a campaign uses it.
/// <c>pac form template --centre ID [--language xx] --output FILE</c>: the form as a DOCX for one centre.
/// </summary>
internal static class FormCommand
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
        return new Command("form", "The report form's definition.") { check, Template(output, error) };
    }

    private static Command Template(TextWriter output, TextWriter error)
    {
        var centreOption = new Option<string>("--centre") { Description = "The centre's id, e.g. demo-almaty: its contact block is filled in from the register.", Required = true };
        var languageOption = new Option<string?>("--language") { Description = $"One of {string.Join(", ", FormDefinition.Languages)} (default: the centre's language, else en)." };
        var outputOption = new Option<FileInfo>("--output") { Description = "The DOCX file to write.", Required = true };
        var command = new Command("template", "Write the form as a Word document for a centre, one content control per question.") { centreOption, languageOption, outputOption };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            var language = parse.GetValue(languageOption);
            if (language is not null && !FormDefinition.Languages.Contains(language))
            {
                await error.WriteLineAsync($"--language: \"{language}\" is not one of the form's languages ({string.Join(", ", FormDefinition.Languages)}).");
                return 1;
            }

            await using var services = PacSettings.Services(parse);
            if (await CentreCampaign.FindCentreAsync(services, parse.GetValue(centreOption)!, error, cancellationToken) is not { } centre)
            {
                return 1;
            }

            // The newest campaign's form: the one this year's reports are read against.
            var newest = (await services.GetRequiredService<CampaignStore>().ListAsync(cancellationToken)).MaxBy(c => c.Year);
            var form = FormDefinitions.Find(newest?.FormVersion ?? FormDefinitions.CurrentVersion) ?? FormDefinitions.Current;
            var file = parse.GetValue(outputOption)!;
            var written = FormTemplate.LanguageFor(language, centre);
            await using (var stream = file.Create())
            {
                FormTemplate.Write(form, centre, written, stream);
            }

            await output.WriteLineAsync($"Wrote {file.FullName}: form {form.Version} in {written} for {centre.Name}.");
            return 0;
        }));
        return command;
    }
}
