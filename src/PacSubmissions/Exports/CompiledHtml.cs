using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PacSubmissions.Exports;

/// <summary>
/// The compiled report as one self-contained, printable HTML page. Everything that came from a report or the register
/// is HTML-encoded, so an answer holding markup or script shows as the text it is.
/// </summary>
public static class CompiledHtml
{
    // Letters of every script stay readable in the source; markup characters and quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #666;padding:.25rem .5rem;text-align:left;vertical-align:top}
        .answer{white-space:pre-wrap}.none{font-style:italic}
        @media print{body{margin:0;max-width:none}h2{break-before:page}h3{break-after:avoid}thead{display:table-header-group}}
        """;

    /// <summary>Writes the page piece by piece with async writes, so a response body never sees a synchronous one.</summary>
    public static async Task WriteAsync(CompiledReport report, TextWriter writer, CancellationToken cancellationToken)
    {
        var title = E(CompiledReportText.Title(report.Campaign.Year));
        await Write(writer, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n", cancellationToken);
        await Write(writer, Table(report), cancellationToken);
        await Write(writer, $"<h2>{E(CompiledReportText.Answers)}</h2>\n", cancellationToken);
        if (!report.Reported.Any())
        {
            await Write(writer, $"<p>{E(CompiledReportText.NoneReported)}</p>\n", cancellationToken);
        }

        foreach (var (key, questionTitle, answers) in report.Questions().Where(q => q.Answers.Count > 0))
        {
            var section = new StringBuilder().Append(CultureInvariant($"<section id=\"{E(key)}\">\n<h2>{E(questionTitle)}</h2>\n"));
            foreach (var (centre, answer) in answers)
            {
                section.Append(CultureInvariant($"<h3>{E(centre.Name)}</h3>\n"));
                section.Append(answer is null
                    ? CultureInvariant($"<p class=\"none\">{E(CompiledReportText.NoAnswer)}</p>\n")
                    : CultureInvariant($"<div class=\"answer\">{E(answer)}</div>\n"));
            }

            await Write(writer, section.Append("</section>\n").ToString(), cancellationToken);
        }

        await Write(writer, "</main>\n</body>\n</html>\n", cancellationToken);
    }

    private static string Table(CompiledReport report)
    {
        var html = new StringBuilder().Append(CultureInvariant($"<h2>{E(CompiledReportText.WhoReported)}</h2>\n<table>\n<thead><tr>"));
        foreach (var header in CompiledReportText.TableHeaders)
        {
            html.Append(CultureInvariant($"<th scope=\"col\">{E(header)}</th>"));
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var centre in report.Centres)
        {
            var cells = CompiledReportText.TableRow(report.Campaign, centre);
            html.Append(CultureInvariant($"<tr><th scope=\"row\">{E(cells[0])}</th>"));
            foreach (var cell in cells.Skip(1))
            {
                html.Append(CultureInvariant($"<td>{E(cell)}</td>"));
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string E(string value) => Encoder.Encode(value);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static Task Write(TextWriter writer, string text, CancellationToken cancellationToken) =>
        writer.WriteAsync(text.AsMemory(), cancellationToken);
}
