using System.Net;
using MimeKit;
using PacSubmissions.Audit;
using PacSubmissions.Dashboard;
using PacSubmissions.Email;
using PacSubmissions.Messages;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>"Message centres" and "Invite all" over HTTP on the local host: the dashboard's gate holds for them, a bad form is answered on the page, nothing goes out twice.</summary>
public sealed class MessagesPageTests
{
    private const string Messages = "/api/dashboard/2030/messages";
    private const string Invitations = "/api/dashboard/2030/invitations";

    private static (string, string)[] Form(string step) =>
        [(DashboardMessagesHandler.AudienceField, "all"), (DashboardMessagesHandler.SubjectField, "A word from HQ"),
            (DashboardMessagesHandler.TextField, "Hello.\r\nSecond line."), (DashboardMessagesHandler.StepField, step)];

    [Theory]
    [InlineData(Messages, "Origin", "https://evil.example")]
    [InlineData(Invitations, "Sec-Fetch-Site", "cross-site")]
    public async Task APostFromAnotherSiteSendsNothing(string path, string header, string value)
    {
        await using var site = await DashboardSite.StartAsync();
        var token = await site.AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. Form(DashboardMessagesHandler.SendStep).Select(f => KeyValuePair.Create(f.Item1, f.Item2)),
                KeyValuePair.Create(DashboardSessions.AntiforgeryField, token!)]),
        };
        request.Headers.Add(header, value);

        using var response = await site.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Sent(site));
        Assert.Empty(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None));
    }

    [Theory]
    [InlineData(Messages)]
    [InlineData(Invitations)]
    public async Task APostWithoutTheSessionsTokenSendsNothing(string path)
    {
        await using var site = await DashboardSite.StartAsync();
        await site.AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(Form(DashboardMessagesHandler.SendStep).Select(f => KeyValuePair.Create(f.Item1, f.Item2))),
        };

        using var response = await site.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Sent(site));
    }

    [Fact]
    public async Task ThePreviewSendsNothingAndTheSendPostedTwiceReachesEachCentreOnce()
    {
        await using var site = await DashboardSite.StartAsync();

        using var preview = await site.PostAsync(Messages, Form("preview"));
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Empty(Sent(site));
        using var first = await site.PostAsync(Messages, Form(DashboardMessagesHandler.SendStep));
        using var second = await site.PostAsync(Messages, Form(DashboardMessagesHandler.SendStep));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("2 of 2 centres will get it.", previewPage, StringComparison.Ordinal);
        // The evil centre's name is shown as text, and the preview carries no upload link (a credential).
        Assert.DoesNotContain(DashboardSite.Hostile, previewPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/upload/", previewPage, StringComparison.Ordinal);
        Assert.Contains("2 sent, 0 had it already", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("0 sent, 2 had it already", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Sent(site).Count);
        var centrePage = await site.PageAsync("/api/dashboard/2030/centres/kz-almaty");
        Assert.Contains("<td>A word from HQ</td>", centrePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithoutASubjectIsAnsweredOnThePageWithWhatHqWroteAndSendsNothing()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.PostAsync(Messages, (DashboardMessagesHandler.AudienceField, "incomplete"),
            (DashboardMessagesHandler.TextField, "Kept <text>"), (DashboardMessagesHandler.StepField, DashboardMessagesHandler.SendStep));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was sent: Write a subject.", page, StringComparison.Ordinal);
        Assert.Contains("Kept &lt;text&gt;</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"state-incomplete\" name=\"state\" value=\"incomplete\" checked", page, StringComparison.Ordinal);
        Assert.Empty(Sent(site));
    }

    [Fact]
    public async Task InviteAllPostedTwiceInvitesEachCentreOnce()
    {
        await using var site = await DashboardSite.StartAsync();

        var preview = await site.PageAsync(Invitations);
        using var first = await site.PostAsync(Invitations);
        using var second = await site.PostAsync(Invitations);

        Assert.Contains("Send 2 invitations", preview, StringComparison.Ordinal);
        Assert.Contains("2 sent, 0 had it already", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("0 sent, 2 had it already", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, site.Server.Outbox.Messages().Count(m => Kind(m) == EmailKinds.Invitation));
        Assert.Single(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None), e => e.Action == CentreMessages.InvitedAll && e.Detail.Contains("2 sent", StringComparison.Ordinal));
    }

    private static List<MimeMessage> Sent(DashboardSite site) => [.. site.Server.Outbox.Messages().Where(m => Kind(m) is EmailKinds.Message or EmailKinds.Invitation)];

    private static string? Kind(MimeMessage message) => message.Headers[OutboxEmailSender.KeyHeader]?.Split('|')[2];
}
