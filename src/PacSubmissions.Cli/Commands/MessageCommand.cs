using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Messages;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac message --year Y --state S --subject T --text-file F [--send]</c> and <c>pac invite --year Y [--send]</c>: the
/// dashboard's "Message centres" and "Invite all", through the same service. Without <c>--send</c> each prints the
/// preview (the e-mail per language and every centre with whether it gets it) and sends nothing.
/// </summary>
internal static class MessageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var yearOption = new Option<int>("--year") { Description = "The campaign year.", Required = true };
        var stateOption = new Option<string>("--state")
        {
            Description = $"Which centres: {string.Join(", ", Enum.GetValues<MessageAudience>().Select(MessageAudiences.NameOf))}.",
            Required = true,
        };
        var subjectOption = new Option<string>("--subject") { Description = "The e-mail's subject, as every centre gets it.", Required = true };
        var textOption = new Option<FileInfo>("--text-file") { Description = "A UTF-8 text file with the message; a blank line starts a paragraph.", Required = true };
        var sendOption = new Option<bool>("--send") { Description = "Send it; without this only the preview is printed." };
        var command = new Command("message", "Preview or send HQ's message to the centres of a state; the greeting, deadline, link and signature come in each centre's language.")
        {
            yearOption, stateOption, subjectOption, textOption, sendOption,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            var file = parse.GetValue(textOption)!;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"The text file '{file.FullName}' does not exist.");
                return 1;
            }

            var draft = new MessageDraft(MessageAudiences.Parse(parse.GetValue(stateOption)), parse.GetValue(subjectOption)!,
                await File.ReadAllTextAsync(file.FullName, cancellationToken));
            await using var services = PacSettings.Services(parse);
            var messages = services.GetRequiredService<CentreMessages>();
            var year = parse.GetValue(yearOption);
            if (parse.GetValue(sendOption))
            {
                await output.WriteLineAsync((await messages.SendMessageAsync(year, draft, PacSettings.Operator, cancellationToken)).Summary);
            }
            else
            {
                await PrintAsync(output, await messages.PreviewMessageAsync(year, draft, cancellationToken), "pac message … --send");
            }

            return 0;
        }));
        return command;
    }

    public static Command CreateInvite(TextWriter output, TextWriter error)
    {
        var yearOption = new Option<int>("--year") { Description = "The campaign year.", Required = true };
        var sendOption = new Option<bool>("--send") { Description = "Send them; without this only the preview is printed." };
        var command = new Command("invite", "Preview or send the campaign's invitation to every active centre not yet invited (the hourly run's own invitation).")
        {
            yearOption, sendOption,
        };
        command.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var messages = services.GetRequiredService<CentreMessages>();
            var year = parse.GetValue(yearOption);
            if (parse.GetValue(sendOption))
            {
                await output.WriteLineAsync((await messages.InviteAllAsync(year, PacSettings.Operator, cancellationToken)).Summary);
            }
            else
            {
                await PrintAsync(output, await messages.PreviewInvitationsAsync(year, cancellationToken), "pac invite --year Y --send");
            }

            return 0;
        }));
        return command;
    }

    private static async Task PrintAsync(TextWriter output, MessagePreview preview, string toSend)
    {
        foreach (var sample in preview.Samples)
        {
            await output.WriteLineAsync($"== {sample.LanguageName} ({sample.Language}), {sample.Centres} centre(s)");
            await output.WriteLineAsync($"Subject: {sample.Email.Subject}");
            await output.WriteLineAsync(sample.PreviewText);
        }

        await output.WriteLineAsync($"{preview.ToSend} of {preview.Recipients.Count} centre(s) would get it:");
        foreach (var recipient in preview.Recipients)
        {
            var sent = recipient.HadItAlready ? "no: had it already" : recipient.NotSentBecause is { } why ? "no: " + why : "yes";
            await output.WriteLineAsync($"  {recipient.Centre.Id} ({recipient.Centre.Language}) {recipient.Centre.CoordinatorEmail}: {sent}");
        }

        await output.WriteLineAsync($"Nothing was sent. To send it: {toSend}");
    }
}
