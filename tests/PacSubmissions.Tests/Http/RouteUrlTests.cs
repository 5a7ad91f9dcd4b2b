using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;
using PacSubmissions.LocalHost.Functions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Http;

/// <summary>
/// Every link the app makes is made from the route template its function is bound to, so the routing the Functions
/// host does (ASP.NET Core's template matcher here) takes each link back to its function with the values it was made with.
/// </summary>
public sealed class RouteUrlTests
{
    // Values a link must carry through unchanged: a space, a non-ASCII letter, and characters that mean something in a URL.
    private const string Centre = "kz almaty-ü&?#";
    private const string Key = "k/y+=&";  // an antiforgery token with characters that mean something in a URL

    [Fact]
    public void EveryRouteTemplateIsTheRouteOfAFunctionAndEveryHttpFunctionUsesOne()
    {
        var templates = new[] { typeof(UploadRoutes), typeof(DashboardRoutes), typeof(EmailRoutes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).Contains('/', StringComparison.Ordinal) || f.Name == nameof(DashboardRoutes.Campaigns))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var functionRoutes = FunctionCatalog.From(typeof(PacSubmissions.Functions.Upload.UploadReport).Assembly)
            .WithTrigger<HttpTriggerAttribute>()
            .Select(f => f.Trigger.Route!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(templates, functionRoutes);
    }

    public static TheoryData<string, string, string[]> DashboardLinks()
    {
        var links = new DashboardLinks(Key);
        return new()
        {
            { links.Campaigns(), DashboardRoutes.Campaigns, [] },
            { links.Campaign(2030), DashboardRoutes.Campaign, ["year=2030"] },
            { links.Centre(2030, Centre, ("notice", "done & dusted")), DashboardRoutes.Centre, ["year=2030", $"centre={Centre}"] },
            { links.Download(2030, Centre, "20300701T120000000Z-0a1b2c3d"), DashboardRoutes.Download, ["year=2030", $"centre={Centre}", "submissionId=20300701T120000000Z-0a1b2c3d"] },
            { links.Action(2030, Centre, DashboardActions.Extend), DashboardRoutes.Action, ["year=2030", $"centre={Centre}", "action=extend"] },
            { links.Audit(2030), DashboardRoutes.Audit, ["year=2030"] },
            { links.Export(2030, "compiled.docx"), DashboardRoutes.Export, ["year=2030", "name=compiled.docx"] },
            { links.Messages(2030), DashboardRoutes.Messages, ["year=2030"] },
            { links.Invitations(2030), DashboardRoutes.Invitations, ["year=2030"] },
            { links.Asset("dashboard.css"), DashboardRoutes.Asset, ["name=dashboard.css"] },
            { links.SignIn(), DashboardRoutes.SignIn, [] },
            { links.SignOut(), DashboardRoutes.SignOut, [] },
            { links.Register(("notice", "Saved")), DashboardRoutes.Register, [] },
            { links.RegisterAdd(), DashboardRoutes.RegisterAdd, [] },
            { links.RegisterEdit(Centre), DashboardRoutes.RegisterEdit, [$"centre={Centre}"] },
            { links.RegisterActive(Centre), DashboardRoutes.RegisterActive, [$"centre={Centre}"] },
            { links.RegisterImport(), DashboardRoutes.RegisterImport, [] },
            { links.RegisterApply(), DashboardRoutes.RegisterApply, [] },
        };
    }

    [Theory]
    [MemberData(nameof(DashboardLinks))]
    public void ADashboardLinkReachesItsRouteWithItsValuesAndCarriesNoCredential(string link, string template, string[] expected)
    {
        var (values, query) = Match(link, template);

        Assert.Equal(expected, values);
        // The page's antiforgery token (Key here) goes only into its forms' hidden fields, never into a URL.
        Assert.False(query.ContainsKey("code"));
        Assert.DoesNotContain(Uri.EscapeDataString(Key), link, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCentrePageCarriesItsNoticeUnchanged() =>
        Assert.Equal("done & dusted", Match(new DashboardLinks(null).Centre(2030, Centre, ("notice", "done & dusted")), DashboardRoutes.Centre).Query["notice"]);

    [Fact]
    public void UploadLinksReachTheUploadRoutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 7, 1, 12, 0, 0, TimeSpan.Zero));
        var links = new UploadLinks(Options.Create(new PacSubmissions.Upload.LinkOptions { PublicBaseUrl = "https://pac.example.org/", SigningSecret = new string('s', 32) }), clock);
        var url = links.CreateUrl("kz-almaty", TestData.OpenCampaign(clock.GetUtcNow()));
        var token = links.CreateToken("kz-almaty", TestData.OpenCampaign(clock.GetUtcNow()));

        Assert.Equal("pac.example.org", url.Host);
        Assert.Equal([$"token={token}"], Match(url.PathAndQuery, UploadRoutes.Upload).Values);
        Assert.Equal(["token=t.1", "submissionId=s 1"], Match(UploadRoutes.StatusPath("t.1", "s 1"), UploadRoutes.Status).Values);
        Assert.Equal("ar", Match(UploadRoutes.TemplatePath("t.1", "ar"), UploadRoutes.Template).Query[UploadRoutes.LanguageParameter]);
        Assert.Equal("zh", Match(UploadRoutes.StatusPath("t.1", "s 1", "zh"), UploadRoutes.Status).Query[UploadRoutes.LanguageParameter]);
        Assert.Equal("fr", Match(UploadRoutes.PagePath("t.1", "fr"), UploadRoutes.Upload).Query[UploadRoutes.LanguageParameter]);
        Assert.Equal(["name=upload.js"], Match(UploadRoutes.AssetPath("upload.js"), UploadRoutes.Asset).Values);
    }

    [Fact]
    public void ALinkThatMissesOrInventsARouteValueIsRefusedWhenItIsMade()
    {
        var missing = Assert.Throws<ArgumentException>(() => RouteUrl.Path(DashboardRoutes.Centre, ("year", "2030")));
        var invented = Assert.Throws<ArgumentException>(() => RouteUrl.Path(UploadRoutes.Upload, ("token", "t"), ("centre", "kz-almaty")));

        Assert.Contains("{centre}", missing.Message, StringComparison.Ordinal);
        Assert.Contains("no {centre}", invented.Message, StringComparison.Ordinal);
    }

    /// <summary>The route values and query a link carries, as the host's routing reads them after the <c>/api</c> prefix.</summary>
    private static (string[] Values, IQueryCollection Query) Match(string link, string template)
    {
        var uri = new Uri(new Uri("https://pac.example.org"), link);
        var path = PathString.FromUriComponent(uri);
        Assert.True(path.StartsWithSegments("/" + RouteUrl.Prefix, out var rest), $"{link} is not under /{RouteUrl.Prefix}");
        var values = new RouteValueDictionary();
        Assert.True(new TemplateMatcher(TemplateParser.Parse(template), []).TryMatch(rest, values), $"{link} does not match {template}");
        var query = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query));
        return ([.. values.Select(v => $"{v.Key}={v.Value}")], query);
    }
}
