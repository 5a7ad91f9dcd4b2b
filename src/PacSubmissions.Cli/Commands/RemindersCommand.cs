using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Storage;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac reminders plan [--at ISO-TIME]</c>: which e-mails a run at that instant would send, and why; sends nothing.
/// <c>pac reminders run</c>: runs the timer's work once, now.
/// </summary>
internal static class RemindersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("reminders", "Preview or run the reminder e-mails (reminders, late notices, their needs-work forms for a report that is incomplete or unreadable, HQ digests).");
        command.Subcommands.Add(Plan(output, error));
        command.Subcommands.Add(Run(output, error));
        return command;
    }

    private static Command Plan(TextWriter output, TextWriter error)
    {
        var atOption = new Option<string?>("--at")
        {
            Description = "The instant to plan for, ISO 8601 with an offset (e.g. 2031-07-10T12:00:00Z); now when left out.",
        };
        var plan = new Command("plan", "Print which e-mails a run at that instant would send and why (for a needs-work reminder or late notice: which report counts and what it lacks). Sends nothing.") { atOption };
        plan.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var text = parse.GetValue(atOption);
            DateTimeOffset at;
            if (text is null)
            {
                at = services.GetRequiredService<TimeProvider>().GetUtcNow();
            }
            else if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            {
                await error.WriteLineAsync($"--at '{text}' is not an ISO 8601 time; write it like 2031-07-10T12:00:00Z.");
                return 1;
            }

            var planned = await services.GetRequiredService<ReminderRun>().PlanAsync(at, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"A run at {at.UtcDateTime:yyyy-MM-dd HH:mm 'UTC'} would send {planned.Count} e-mail(s):"));
            foreach (var email in planned)
            {
                await output.WriteLineAsync($"  {email.Key} to {Recipient(email)}: {email.Reason}");
            }

            return 0;
        }));
        return plan;
    }

    private static Command Run(TextWriter output, TextWriter error)
    {
        var run = new Command("run", "Send the e-mails that are due now (what the hourly timer does).");
        run.SetAction((parse, cancellationToken) => PacSettings.RunAsync(error, async () =>
        {
            await using var services = PacSettings.Services(parse);
            var results = await services.GetRequiredService<ReminderRun>().RunAsync(cancellationToken);
            foreach (var result in results)
            {
                await output.WriteLineAsync($"  {StoredNames.Of(result.Outcome)}: {result.Planned.Key} to {Recipient(result.Planned)}{(result.Error is null ? "" : $" ({result.Error})")}");
            }

            var failed = results.Count(r => r.Outcome is ReminderOutcome.Failed or ReminderOutcome.FailedPermanently);
            await output.WriteLineAsync($"{results.Count(r => r.Outcome == ReminderOutcome.Sent)} sent, {failed} failed, {results.Count(r => r.Outcome == ReminderOutcome.Skipped)} skipped.");
            return failed == 0 ? 0 : 3;
        }));
        return run;
    }

    private static string Recipient(PlannedEmail email) =>
        EmailKinds.ToCoordinators.Contains(email.Key.Kind) ? email.Centre?.CoordinatorEmail ?? "?" : "HQ";
}
