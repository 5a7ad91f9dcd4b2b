using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using PacSubmissions.Email;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// SendGrid's Event Webhook over real HTTP on the local host: posts signed by a test key as SendGrid signs them (ECDSA
/// P-256 over the timestamp and the body), its public key set as SendGrid shows it (base64 SubjectPublicKeyInfo).
/// </summary>
public sealed class DeliveryEventsTests : IDisposable
{
    private const string Path = "/api/email/events";

    private static readonly EmailKey Invitation = new(DashboardSite.Year, DashboardSite.Almaty.Id, EmailKinds.Invitation, EmailKinds.Opening);
    private static readonly EmailKey Reminder = new(DashboardSite.Year, DashboardSite.Almaty.Id, EmailKinds.Reminder, "7d");

    private readonly ECDsa sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => sendGrid.Dispose();

    [Fact]
    public async Task SignedEventsAreRecordedOnTheirEmailsAndTheDashboardShowsThem()
    {
        await using var site = await StartAsync();
        await SendAsync(site, Invitation);
        await SendAsync(site, Reminder);

        using var delivered = await PostAsync(site, Event("delivered", Invitation, "ev-1", ("response", "250 OK")));
        var bounce = Event("bounce", Reminder, "ev-2", ("type", "bounce"), ("reason", "550 5.1.1 The email account that you tried to reach does not exist"));
        bounce["timestamp"] = DashboardSite.Now.AddMinutes(-1).ToUnixTimeSeconds();
        using var bounced = await PostAsync(site, bounce);

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(new DeliveryEventsAnswer(1, 0, 0), await delivered.Content.ReadFromJsonAsync<DeliveryEventsAnswer>());
        var emails = await LedgerAsync(site);
        Assert.Equal(DeliveryState.Delivered, emails[Invitation].Delivery?.State);
        Assert.Equal(DeliveryState.Bounced, emails[Reminder].Delivery?.State);
        Assert.Equal("550 5.1.1 The email account that you tried to reach does not exist", emails[Reminder].Delivery?.Reason);
        var centrePage = await site.PageAsync($"/api/dashboard/{DashboardSite.Year}/centres/{DashboardSite.Almaty.Id}");
        Assert.Contains("<strong>bounced: 550 5.1.1 The email account that you tried to reach does not exist</strong>", centrePage, StringComparison.Ordinal);
        Assert.Contains(">delivered<br>", centrePage.Replace(": 250 OK", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var campaignPage = await site.PageAsync($"/api/dashboard/{DashboardSite.Year}");
        Assert.Contains("<strong class=\"undelivered\">E-mail bounced</strong>", campaignPage, StringComparison.Ordinal);
    }

    public static TheoryData<string> Refusals => ["forged", "altered body", "stale", "future", "no signature", "no timestamp", "not base64"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task APostSendGridDidNotSignIsRefusedAndRecordsNothing(string how)
    {
        await using var site = await StartAsync();
        await SendAsync(site, Invitation);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var body = Events(Event("bounce", Invitation, "ev-1", ("type", "bounce"), ("reason", "550 no such user")));
        var now = site.Clock.GetUtcNow();
        using var request = how switch
        {
            "forged" => Signed(body, now, other),
            "altered body" => Signed(body, now, sendGrid, sent: body.Replace("bounce", "delivered", StringComparison.Ordinal)),
            "stale" => Signed(body, now.AddMinutes(-11), sendGrid),
            "future" => Signed(body, now.AddMinutes(11), sendGrid),
            "no signature" => Without(Signed(body, now, sendGrid), DeliveryEventSignature.SignatureHeader),
            "no timestamp" => Without(Signed(body, now, sendGrid), DeliveryEventSignature.TimestampHeader),
            _ => Replaced(Signed(body, now, sendGrid), DeliveryEventSignature.SignatureHeader, "not/base64!"),
        };

        using var response = await site.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Nothing was recorded.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await LedgerAsync(site))[Invitation].Delivery);
        Assert.Empty(site.Server.Outbox.To(TestSettings.HqAddress));
        Assert.Empty(await SeenEventsAsync(site));
    }

    [Fact]
    public async Task AnEventPostedAgainIsRecordedOnce()
    {
        await using var site = await StartAsync();
        await SendAsync(site, Invitation);
        var events = new[] { Event("deferred", Invitation, "ev-1", ("response", "421 try again later")), Event("delivered", Invitation, "ev-2") };
        using var first = await PostAsync(site, events);
        var afterFirst = (await LedgerAsync(site))[Invitation].Delivery;

        // SendGrid posts a batch again when our answer did not reach it: re-signed, a moment later.
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await PostAsync(site, events);
        // A deferral reported after the delivery does not hide it.
        using var late = await PostAsync(site, Event("deferred", Invitation, "ev-3", ("response", "421 later")));

        Assert.Equal(new DeliveryEventsAnswer(2, 0, 0), await first.Content.ReadFromJsonAsync<DeliveryEventsAnswer>());
        Assert.Equal(new DeliveryEventsAnswer(0, 2, 0), await again.Content.ReadFromJsonAsync<DeliveryEventsAnswer>());
        Assert.Equal(DeliveryState.Delivered, afterFirst?.State);
        Assert.Equal(afterFirst, (await LedgerAsync(site))[Invitation].Delivery);
        Assert.Equal(3, (await SeenEventsAsync(site)).Count);
    }

    [Fact]
    public async Task HqIsToldOnceWhenACoordinatorsAddressBouncesOrIsDropped()
    {
        await using var site = await StartAsync();
        await SendAsync(site, Invitation);
        await SendAsync(site, Reminder);
        var hqOwn = new EmailKey(DashboardSite.Year, EmailKinds.Hq, EmailKinds.WeeklyDigest, "2030-06-30");
        await SendAsync(site, hqOwn, TestSettings.HqAddress);

        using var bounce = await PostAsync(site, Event("bounce", Invitation, "ev-1", ("type", "bounce"), ("reason", "550 5.1.1 no such user")));
        using var dropped = await PostAsync(site, Event("dropped", Reminder, "ev-2", ("reason", "Bounced Address")));
        using var hqBounced = await PostAsync(site, Event("bounce", hqOwn, "ev-3", ("type", "bounce"), ("reason", "550 mailbox full")));

        var notices = site.Server.Outbox.To(TestSettings.HqAddress).Where(m => m.Subject is { } subject && subject.Contains("did not arrive", StringComparison.Ordinal)).ToList();
        var notice = Assert.Single(notices);
        Assert.Equal($"PAC {DashboardSite.Year}: an e-mail to {DashboardSite.Almaty.Name}'s coordinator did not arrive", notice.Subject);
        Assert.Contains(DashboardSite.Almaty.CoordinatorEmail, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("550 5.1.1 no such user", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/api/dashboard/{DashboardSite.Year}/centres/{DashboardSite.Almaty.Id}", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Dropped, (await LedgerAsync(site))[Reminder].Delivery?.State);
    }

    [Fact]
    public async Task EventsForEmailsThisAppDidNotSendAreLeftAlone()
    {
        await using var site = await StartAsync();
        await SendAsync(site, Invitation);
        var unknown = new EmailKey(DashboardSite.Year, DashboardSite.Almaty.Id, EmailKinds.Reminder, "30d");

        using var response = await PostAsync(site,
            Event("open", Invitation, "ev-1"),
            Event("delivered", unknown, "ev-2"),
            new Dictionary<string, object> { ["event"] = "delivered", ["sg_event_id"] = "ev-3", ["timestamp"] = 1, ["email"] = "x@example.org" });

        Assert.Equal(new DeliveryEventsAnswer(0, 0, 3), await response.Content.ReadFromJsonAsync<DeliveryEventsAnswer>());
        Assert.Null((await LedgerAsync(site))[Invitation].Delivery);
        Assert.DoesNotContain(await LedgerAsync(site), e => e.Key == unknown);
    }

    [Fact]
    public async Task WithTheWebhookOffEveryPostIsRefused()
    {
        await using var site = await DashboardSite.StartAsync();
        using var request = Signed(Events(Event("delivered", Invitation, "ev-1")), site.Clock.GetUtcNow(), sendGrid);

        using var response = await site.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Email:EventWebhookPublicKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<DashboardSite> StartAsync() =>
        DashboardSite.StartAsync(new() { ["Email:EventWebhookPublicKey"] = SendGridEvents.VerificationKey(sendGrid) });

    private static async Task SendAsync(DashboardSite site, EmailKey key, string? to = null) =>
        Assert.Equal(EmailOutcome.Sent, await site.Get<EmailLedger>().SendOnceAsync(
            new EmailMessage(key, to ?? DashboardSite.Almaty.CoordinatorEmail, $"Subject {key.Kind}", "Text", "<p>Html</p>"), CancellationToken.None));

    private static async Task<Dictionary<EmailKey, EmailRecord>> LedgerAsync(DashboardSite site) =>
        (await site.Get<EmailLedger>().ListAsync(DashboardSite.Year, CancellationToken.None)).ToDictionary(e => e.Key);

    private static async Task<List<TableEntity>> SeenEventsAsync(DashboardSite site)
    {
        var table = new TableClient(site.Server.Storage, site.Server.Names.TablePrefix + PacStorage.EmailEventsTable);
        return await table.QueryAsync<TableEntity>().ToListAsync();
    }

    /// <summary>An event as SendGrid writes it: its fields and the custom args of the e-mail at the top level.</summary>
    private static Dictionary<string, object> Event(string name, EmailKey key, string eventId, params (string Name, string Value)[] more)
    {
        var item = new Dictionary<string, object>
        {
            ["email"] = DashboardSite.Almaty.CoordinatorEmail,
            ["timestamp"] = DashboardSite.Now.AddMinutes(-2).ToUnixTimeSeconds(),
            ["smtp-id"] = "<14c5d75ce93.dfd.64b469@ismtpd-555>",
            ["event"] = name,
            ["sg_event_id"] = eventId,
            ["sg_message_id"] = "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
            [SendGridEmailSender.KeyArgument] = key.ToString(),
        };
        foreach (var (field, value) in more)
        {
            item[field] = value;
        }

        return item;
    }

    private static string Events(params Dictionary<string, object>[] events) => JsonSerializer.Serialize(events);

    private Task<HttpResponseMessage> PostAsync(DashboardSite site, params Dictionary<string, object>[] events) =>
        site.NewClient().SendAsync(Signed(Events(events), site.Clock.GetUtcNow(), sendGrid));

    private static HttpRequestMessage Signed(string body, DateTimeOffset at, ECDsa key, string? sent = null) =>
        SendGridEvents.Post(new Uri(Path, UriKind.Relative), body, at, key, sent);

    private static HttpRequestMessage Without(HttpRequestMessage request, string header)
    {
        request.Headers.Remove(header);
        return request;
    }

    private static HttpRequestMessage Replaced(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
        return request;
    }
}
