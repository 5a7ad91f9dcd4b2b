using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Reports;
using PacSubmissions.Reports.Isolation;

namespace PacSubmissions.Cli.Commands;

/// <summary>
/// <c>pac extract FILE… [--json]</c>: reads reports with the same reader the pipeline uses and prints what it found.
/// Needs no app settings: the reader runs with its default limits.
/// </summary>
internal static class ExtractCommand
{
    /// <summary>camelCase; letters of every script kept readable, while &lt; &gt; &amp; and quotes stay escaped for HTML.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var filesArgument = new Argument<FileInfo[]>("files") { Description = "Report files (DOCX, PDF, ODT).", Arity = ArgumentArity.OneOrMore };
        var jsonOption = new Option<bool>("--json") { Description = "One JSON object per file, one per line." };
        var command = new Command("extract", "Read reports and print their answers, contact facts and problems.") { filesArgument, jsonOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(filesArgument) ?? [];
            var missing = files.Where(f => !f.Exists).ToList();
            foreach (var file in missing)
            {
                await error.WriteLineAsync($"No such file: {file.FullName}");
            }

            if (missing.Count > 0)
            {
                return 2;
            }

            // One reader process for the whole batch (started once, replaced only after a file that broke it).
            await using var reader = new IsolatedReportReader(Options.Create(new ReportReaderOptions()),
                Options.Create(new ReaderProcessOptions { Processes = 1 }), TimeProvider.System, NullLogger<IsolatedReportReader>.Instance);
            var exitCode = 0;
            foreach (var file in files)
            {
                try
                {
                    await using var stream = file.OpenRead();
                    var reading = await reader.ReadAsync(stream, cancellationToken);
                    await output.WriteLineAsync(parse.GetValue(jsonOption) ? JsonLine(file, reading) : Summary(file, reading));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // The file could not be opened at all (permissions, locked): the reader never saw it.
                    await error.WriteLineAsync($"Cannot open {file.FullName}: {exception.Message}");
                    exitCode = 2;
                }
            }

            return exitCode;
        });
        return command;
    }

    private static string JsonLine(FileInfo file, ReportReading reading)
    {
        var line = new JsonObject { ["file"] = file.Name };
        foreach (var (name, value) in JsonSerializer.SerializeToNode(reading, Json)!.AsObject().ToList())
        {
            line[name] = value?.DeepClone();
        }

        return line.ToJsonString(Json);
    }

    private static string Summary(FileInfo file, ReportReading reading)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            string.Format(culture, "{0}: {1} ({2}, {3:N0} bytes, {4}, {5})",
                file.Name, reading.Status.ToString().ToLowerInvariant(), ReadingSummary.Format(reading.Format, reading.Status, file.Name), reading.Bytes,
                ReadingSummary.Counted(reading.Pages, "page"), ReadingSummary.Counted(reading.Words, "word")),
        };
        void Fact(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                lines.Add($"  {label}: {value}");
            }
        }

        Fact("Institution", reading.Institution);
        Fact("Centre", reading.CentreName);
        Fact("E-mails", string.Join(", ", reading.Emails));
        Fact("Phones", string.Join(", ", reading.Phones));
        Fact("Prepared by", reading.PreparedBy);
        foreach (var section in reading.Sections)
        {
            lines.Add(string.Format(culture, "  [{0}] {1} ({2} words)", section.Answered ? "x" : " ", section.Key, section.Words));
        }

        lines.AddRange(reading.Problems.Select(p => $"  ! {p.Code}{(p.Section is null ? "" : $" ({p.Section})")}: {p.Message}"));
        lines.AddRange(reading.ReviewReasons.Select(r => $"  ? needs review, {r.Code}{(r.Section is null ? "" : $" ({r.Section})")}: {r.Message}"));
        Fact("Form", reading.FormVersion);
        lines.Add($"  sha256 {reading.Sha256}");
        return string.Join(Environment.NewLine, lines);
    }
}
