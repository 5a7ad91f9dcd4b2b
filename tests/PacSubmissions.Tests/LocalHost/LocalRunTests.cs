using System.Net;
using PacSubmissions.Centres;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Demo;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.LocalHost;

/// <summary>What a newcomer meets on the local run: a page at the root, and a register that a restart leaves alone.</summary>
public sealed class LocalRunTests
{
    [Fact]
    public async Task RootAddressSaysWhereThePagesAre()
    {
        await using var server = await LocalHostServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/api/dashboard\"", page, StringComparison.Ordinal);
        Assert.Contains("pac link CENTRE", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestartKeepsRegisterChangesMadeSinceTheDemoWasSeeded()
    {
        await using var server = await LocalHostServer.StartAsync();
        var csv = DemoData.CentresCsv(RepositoryRoot.Find());
        var first = await DemoData.SeedAsync(server.Services, csv, CancellationToken.None);
        var register = server.Get<CentreRegister>();
        var almaty = await register.FindAsync("demo-almaty", CancellationToken.None);
        Assert.NotNull(almaty);
        await register.SaveAsync(almaty with { CoordinatorEmail = "new.coordinator@example.org" }, CancellationToken.None);
        await register.SaveAsync(TestData.Centre("hq-added"), CancellationToken.None);

        var second = await DemoData.SeedAsync(server.Services, csv, CancellationToken.None);

        var kept = await register.FindAsync("demo-almaty", CancellationToken.None);
        Assert.Equal("new.coordinator@example.org", kept?.CoordinatorEmail);
        Assert.Equal(first.Count + 1, second.Count);
        Assert.Contains(second, link => link.Centre.Id == "hq-added");
    }
}
