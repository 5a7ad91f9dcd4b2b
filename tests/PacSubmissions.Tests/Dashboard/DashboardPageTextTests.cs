using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PacSubmissions.Dashboard;
using PacSubmissions.Dashboard.Pages;
using PacSubmissions.Html;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>HQ's pages rendered by the app's own registrations, the way every request renders them.</summary>
public sealed class DashboardPageTextTests
{
    [Fact]
    public async Task LettersOfEveryScriptStayAsWrittenWhileMarkupIsText()
    {
        var services = new ServiceCollection().AddLogging().AddPacSubmissions(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        var pages = provider.GetRequiredService<HtmlPages>();

        var html = await pages.RenderAsync<ErrorPage>(new Dictionary<string, object?>
        {
            [nameof(ErrorPage.Links)] = new DashboardLinks(null),
            [nameof(ErrorPage.Title)] = "Bibliothèque nationale — Отчёт ПАК 北京",
            [nameof(ErrorPage.Message)] = "<b>Zürich</b> & \"Ελλάδα\"",
        }, CancellationToken.None);

        Assert.Contains("<title>Bibliothèque nationale — Отчёт ПАК 北京 – PAC reports, HQ</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Bibliothèque nationale — Отчёт ПАК 北京</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" role=\"alert\">&lt;b&gt;Zürich&lt;/b&gt; &amp; &quot;Ελλάδα&quot;</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/dashboard\">Campaigns</a>", html, StringComparison.Ordinal);
    }
}
