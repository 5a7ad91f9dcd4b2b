using System.Net;
using System.Text;

namespace PacSubmissions.Email;

/// <summary>
/// Builds an e-mail's plain-text and HTML parts side by side from the same pieces. Every piece is text: it is
/// HTML-escaped on the way in, so no inserted value (a centre's name, a file name, a problem) can become markup.
/// </summary>
public sealed class EmailBody(string language = "en")
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public EmailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    public EmailBody Facts(IEnumerable<(string Label, string Value)> facts)
    {
        _html.Append("<table>\n");
        foreach (var (label, value) in facts)
        {
            _text.Append(label).Append(": ").Append(value).Append('\n');
            _html.Append("<tr><th style=\"text-align:start\">").Append(Escape(label)).Append("</th><td>").Append(Escape(value)).Append("</td></tr>\n");
        }

        _text.Append('\n');
        _html.Append("</table>\n");
        return this;
    }

    public EmailBody List(IEnumerable<string> items)
    {
        _html.Append("<ul>\n");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            _html.Append("<li>").Append(Escape(item)).Append("</li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public EmailBody Link(Uri url)
    {
        var address = url.AbsoluteUri;
        _text.Append(address).Append("\n\n");
        _html.Append("<p><a href=\"").Append(Escape(address)).Append("\">").Append(Escape(address)).Append("</a></p>\n");
        return this;
    }

    public (string Text, string Html) Build()
    {
        var direction = IsRightToLeft(language) ? " dir=\"rtl\"" : "";
        var html = $"<!DOCTYPE html>\n<html lang=\"{Escape(language)}\"{direction}>\n<head><meta charset=\"utf-8\"></head>\n<body{direction}>\n{_html}</body>\n</html>\n";
        return (_text.ToString().TrimEnd() + "\n", html);
    }

    public static bool IsRightToLeft(string language) => language is "ar";

    private static string Escape(string value) => WebUtility.HtmlEncode(value);
}
