using System.Globalization;
using System.Net;
using System.Text;

namespace PacSubmissions.Dashboard;

/// <summary>
/// Builds a dashboard page. Every value goes through <see cref="Text"/> or <see cref="Attr"/>, which HTML-encode it:
/// what the reports and the register contain is shown as text, never run.
/// </summary>
public sealed class DashboardHtml
{
    private readonly StringBuilder _html = new();

    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>Markup the page itself writes; never a value from outside.</summary>
    public DashboardHtml Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public DashboardHtml Text(string? value)
    {
        _html.Append(E(value));
        return this;
    }

    /// <summary>An element whose whole content is one value, e.g. <c>Element("td", centre.Name)</c>.</summary>
    public DashboardHtml Element(string tag, string? value, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(E(cssClass)).Append('"');
        }

        _html.Append('>').Append(E(value)).Append("</").Append(tag).Append('>');
        return this;
    }

    public DashboardHtml Link(string href, string? text, string? cssClass = null)
    {
        _html.Append("<a href=\"").Append(E(href)).Append('"');
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(E(cssClass)).Append('"');
        }

        _html.Append('>').Append(E(text)).Append("</a>");
        return this;
    }

    public static string Attr(string name, string? value) => $" {name}=\"{E(value)}\"";

    public DashboardHtml Hidden(string name, string? value) => Raw($"<input type=\"hidden\"{Attr("name", name)}{Attr("value", value)}>");

    /// <summary>A labelled text field; <paramref name="hint"/> is tied to it for screen readers.</summary>
    public DashboardHtml Field(string id, string label, string? value, string? hint = null, string type = "text", bool required = false)
    {
        Raw("<div class=\"field\">").Raw($"<label for=\"{E(id)}\">").Text(label).Raw("</label>");
        Raw($"<input{Attr("type", type)}{Attr("id", id)}{Attr("name", id)}{Attr("value", value)}");
        if (hint is not null)
        {
            Raw(Attr("aria-describedby", id + "-hint"));
        }

        Raw(required ? " required>" : ">");
        if (hint is not null)
        {
            Raw($"<p class=\"hint\" id=\"{E(id)}-hint\">").Text(hint).Raw("</p>");
        }

        return Raw("</div>");
    }

    public DashboardHtml Number(long value) => Text(value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => _html.ToString();

    /// <summary>The whole document around <paramref name="main"/>: the style sheet and script are the app's own files.</summary>
    public static string Page(DashboardLinks links, string title, IEnumerable<(string Href, string Text)> breadcrumbs, DashboardHtml main)
    {
        var page = new DashboardHtml()
            .Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">")
            .Raw("<title>").Text(title + " – PAC reports, HQ").Raw("</title>")
            .Raw($"<link rel=\"stylesheet\"{Attr("href", links.Asset(DashboardAssets.StyleSheet))}>")
            .Raw($"<script{Attr("src", links.Asset(DashboardAssets.Script))} defer></script></head><body>")
            .Raw("<header><nav aria-label=\"Breadcrumb\"><ol>");
        foreach (var (href, text) in breadcrumbs)
        {
            page.Raw("<li>").Link(href, text).Raw("</li>");
        }

        return page.Raw("</ol></nav></header><main>").Raw("<h1>").Text(title).Raw("</h1>")
            .Raw(main.ToString()).Raw("</main></body></html>").ToString();
    }
}
