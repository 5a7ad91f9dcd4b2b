using System.Net;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Privacy;

/// <summary>After <c>pac person forget</c>, HQ's centre page says the centre has no coordinator, and the address is gone from it.</summary>
public sealed class ForgottenCoordinatorDashboardTests
{
    [Fact]
    public async Task TheCentrePageSaysNoCoordinatorOnceTheCoordinatorIsForgotten()
    {
        await using var site = await DashboardSite.StartAsync();
        const string page = "/api/dashboard/2030/centres/kz-almaty";
        using (var before = await site.GetAsync(page))
        {
            Assert.Contains($"<dt>Coordinator</dt><dd>A. Coordinator &lt;{DashboardSite.Almaty.CoordinatorEmail}&gt;</dd>", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (exit, _, error) = await Pac.RunWithSettingsAsync(site.Server, "person", "forget", DashboardSite.Almaty.CoordinatorEmail, "--apply");
        Assert.True(exit == 0, error);

        using var after = await site.GetAsync(page);
        var html = await after.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("<dt>Coordinator</dt><dd>no coordinator</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardSite.Almaty.CoordinatorEmail, html, StringComparison.OrdinalIgnoreCase);
    }
}
