using Microsoft.Extensions.Options;
using PacSubmissions.Dashboard;
using PacSubmissions.Email;
using PacSubmissions.Http;
using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Azurite;
using PacSubmissions.LocalHost.Demo;
using PacSubmissions.Storage;
using PacSubmissions.Upload;

// The local run: Azurite (unless a storage connection is configured), the Functions app's functions on ASP.NET Core,
// e-mail to an outbox folder, and a demo campaign. Ctrl+C stops all of it.
var root = RepositoryRoot.Find();
// A development host: Development unless the environment says otherwise, so its sample signing secret is accepted.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
    EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Development,
});
var dataPath = Path.Combine(root, builder.Configuration[$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.DataPath)}"] ?? ".local");
// ASPNETCORE_URLS, --urls or Urls choose the address; the links then need Links__PublicBaseUrl to match (README).
if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls(LocalHostOptions.DefaultUrl);
}

await using var azurite = string.IsNullOrWhiteSpace(builder.Configuration[StorageConnection.Name])
    ? await AzuriteProcess.StartAsync(root, Path.Combine(dataPath, "azurite"), AzuriteProcess.StandardPorts, CancellationToken.None)
    : null;
if (azurite is not null)
{
    builder.Configuration[StorageConnection.Name] = azurite.ConnectionString;
}

var outboxSetting = $"{EmailOptions.Section}:{nameof(EmailOptions.OutboxPath)}";
builder.Configuration[outboxSetting] = Path.Combine(root, builder.Configuration[outboxSetting] ?? Path.Combine(dataPath, "outbox"));

await using var app = LocalFunctionsHost.Build(builder);
await app.StartAsync();

var local = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value;
var email = app.Services.GetRequiredService<IOptions<EmailOptions>>().Value;
var publicBaseUrl = app.Services.GetRequiredService<IOptions<PacSubmissions.Upload.LinkOptions>>().Value.PublicBaseUrl.TrimEnd('/');
var demoLinks = local.SeedDemo
    ? await DemoData.SeedAsync(app.Services, DemoData.CentresCsv(root), app.Lifetime.ApplicationStopping)
    : [];

// One write, so that no log line from the listeners lands inside the block a newcomer copies links from.
var banner = new StringWriter();
banner.WriteLine();
banner.WriteLine($"PacSubmissions local host on {string.Join(", ", app.Urls)}");
banner.WriteLine(azurite is null ? "Storage: the configured AzureWebJobsStorage" : $"Storage: Azurite, data in {Path.Combine(dataPath, "azurite")}");
banner.WriteLine(email.UsesSendGrid ? "E-mail: SendGrid" : $"E-mail: written as .eml files to {email.OutboxPath}");
var dashboardKey = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.Key;
banner.WriteLine($"Dashboard key (the sign-in page asks for it): {dashboardKey}");
// The one address with the key in it: opened once, it swaps the key for a session cookie and moves on to a clean address.
banner.WriteLine($"HQ's dashboard: {RouteUrl.Absolute(publicBaseUrl, RouteUrl.WithQuery(DashboardLinks.SignedOut.SignIn(), [("key", dashboardKey)]))}");
if (demoLinks.Count > 0)
{
    banner.WriteLine("Centres and their upload links (curl -F file=@report.docx URL):");
    foreach (var (centre, url) in demoLinks)
    {
        banner.WriteLine($"  {centre.Id,-12} {url}");
    }
}

banner.WriteLine("Press Ctrl+C to stop (Azurite too).");
Console.Out.Write(banner.ToString());
await app.WaitForShutdownAsync();
