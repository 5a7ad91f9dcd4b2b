using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PacSubmissions.Email;
using PacSubmissions.Html;

namespace PacSubmissions.Tests.Email;

/// <summary>An e-mail's HTML part (the EmailHtml component) shows the same pieces as its plain text, in order, in its language and direction.</summary>
public sealed class EmailHtmlTests
{
    private static readonly HtmlPages Pages = new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    [Fact]
    public async Task TheHtmlPartShowsEveryPieceOfTheTextInOrderRightToLeftForArabic()
    {
        var body = new EmailBody("ar", rightToLeft: true)
            .Paragraph("السيد/السيدة <b>Bold</b>،")
            .Facts([("الملف", "a&b.docx"), ("SHA-256", "abc")])
            .List(["الملف تالف ولا يمكن فتحه.", "x < y"])
            .List([])
            .Link(new Uri("https://pac.example.org/api/upload/t?lang=ar&x=\"1\""));

        var (text, html) = await body.BuildAsync(Pages, CancellationToken.None);

        Assert.Equal("السيد/السيدة <b>Bold</b>،\n\nالملف: a&b.docx\nSHA-256: abc\n\n- الملف تالف ولا يمكن فتحه.\n- x < y\n\n\nhttps://pac.example.org/api/upload/t?lang=ar&x=%221%22\n", text);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<body dir=\"rtl\">", html, StringComparison.Ordinal);
        var pieces = new[]
        {
            "<p>السيد/السيدة &lt;b&gt;Bold&lt;/b&gt;،</p>",
            "<th style=\"text-align:start\">الملف</th><td>a&amp;b.docx</td>",
            "<th style=\"text-align:start\">SHA-256</th><td>abc</td>",
            "<li>الملف تالف ولا يمكن فتحه.</li>",
            "<li>x &lt; y</li>",
            "<a href=\"https://pac.example.org/api/upload/t?lang=ar&amp;x=%221%22\">https://pac.example.org/api/upload/t?lang=ar&amp;x=%221%22</a>",
        };
        var at = pieces.Select(piece => html.IndexOf(piece, StringComparison.Ordinal)).ToList();
        Assert.All(at, (index, i) => Assert.True(index >= 0, $"{pieces[i]} is not in {html}"));
        Assert.Equal(at.Order(), at);
        // An empty list shows nothing (the text keeps its blank line, as it always has).
        Assert.Equal(1, html.Split("<ul>").Length - 1);
    }

    [Fact]
    public async Task ALeftToRightEmailHasNoDirection()
    {
        var (_, html) = await new EmailBody().Paragraph("A new report has arrived.").BuildAsync(Pages, CancellationToken.None);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dir=", html, StringComparison.Ordinal);
        Assert.Contains("<p>A new report has arrived.</p>", html, StringComparison.Ordinal);
    }
}
