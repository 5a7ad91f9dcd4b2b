using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PacSubmissions.Html;

namespace PacSubmissions.Tests.Html;

public sealed class HtmlPagesTests
{
    [Fact]
    public async Task AValueIsTextNeverMarkup()
    {
        var pages = new HtmlPages(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

        var html = await pages.RenderAsync<Paragraph>(new Dictionary<string, object?> { [nameof(Paragraph.Text)] = "<script>alert(1)</script> & \"x\"" }, CancellationToken.None);

        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>", html);
    }

    [Fact]
    public async Task EveryScriptIsWrittenAsItIsNotAsEntities()
    {
        var pages = new HtmlPages(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        const string text = "Bibliothèque nationale — Национальная библиотека — المكتبة الوطنية — 国家图书馆";

        var html = await pages.RenderAsync<Paragraph>(new Dictionary<string, object?> { [nameof(Paragraph.Text)] = text }, CancellationToken.None);

        Assert.Equal($"<p>{text}</p>", html);
    }

    [Fact]
    public async Task WrittenAndRenderedAreTheSame()
    {
        var pages = new HtmlPages(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        var parameters = new Dictionary<string, object?> { [nameof(Paragraph.Text)] = "Bibliothèque nationale — ١٢٣" };
        using var writer = new StringWriter();

        await pages.WriteAsync<Paragraph>(writer, parameters, CancellationToken.None);

        Assert.Equal(await pages.RenderAsync<Paragraph>(parameters, CancellationToken.None), writer.ToString());
    }

    private sealed class Paragraph : ComponentBase
    {
        [Parameter] public string Text { get; set; } = "";

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, Text);
            builder.CloseElement();
        }
    }
}
