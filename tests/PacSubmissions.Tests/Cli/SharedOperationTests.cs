using System.Net;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Cli;
using PacSubmissions.Dashboard;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Cli;

/// <summary>
/// The operations HQ runs from the dashboard and from <c>pac</c> are one each: the same bad input gets the same message
/// from both and changes and records nothing, and what <c>pac</c> does is in the dashboard's audit log under its name.
/// </summary>
public sealed class SharedOperationTests
{
    private const string Actions = "/api/dashboard/2030/centres/kz-almaty/actions/";

    // The site's campaign (Anywhere on Earth, UTC-12): deadline 8 July 2030, late uploads until 7 August.
    [Theory]
    [InlineData("next week", "'next week' is not a date (2027-07-15) or a date and time (2027-07-15T23:59).")]
    [InlineData("  ", "Give the new deadline: a date (2027-08-15) or a date and time (2027-08-15T23:59).")]
    [InlineData("2030-07-05", "The new deadline must come after the campaign's (2030-07-08 00:00:00 (2030-07-08 12:00:00 UTC)).")]
    [InlineData("2030-09-01 12:00", "The new deadline must come before late uploads close (2030-08-07 00:00:00 (2030-08-07 12:00:00 UTC)).")]
    public async Task ABadDeadlineGetsTheSameMessageFromTheDashboardAndPacAndChangesNothing(string deadline, string message)
    {
        await using var site = await DashboardSite.StartAsync();

        using var dashboard = await site.PostAsync(Actions + DashboardActions.Extend, ("deadline", deadline));
        var (exit, _, error) = await Pac.RunWithSettingsAsync(site.Server, "extend", "kz-almaty", "--until", deadline, "--year", "2030");

        await AssertBothRefusedAsync(message, dashboard, exit, error);
        Assert.Null(await site.Get<CentreDeadlines>().FindAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None));
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
    }

    [Theory]
    [InlineData(DashboardActions.Choose, "choose", "20300101T000000000Z-00000000")]
    [InlineData(DashboardActions.Recheck, "recheck", "../../etc/passwd")]
    public async Task AVersionTheCentreDoesNotHaveGetsTheSameMessageFromBoth(string action, string command, string submissionId)
    {
        await using var site = await DashboardSite.StartAsync();
        var message = $"{DashboardSite.Almaty.Name} has no version '{submissionId}' in 2030.";

        using var dashboard = await site.PostAsync(Actions + action, ("submissionId", submissionId));
        var (exit, _, error) = await Pac.RunWithSettingsAsync(site.Server, "version", command, "kz-almaty", submissionId, "--year", "2030");

        await AssertBothRefusedAsync(message, dashboard, exit, error);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
    }

    [Fact]
    public async Task ALinkForACoordinatorWithoutAValidAddressGetsTheSameMessageFromBothAndSendsNothing()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.Get<PacSubmissions.Centres.CentreRegister>().SaveAsync(TestData.Centre("kz-nomail", "PAC Centre Astana", "astana at example"), CancellationToken.None);
        const string message = "The register has no valid e-mail address for PAC Centre Astana ('astana at example'): correct it in the dashboard's centre register or with pac centres import.";

        using var dashboard = await site.PostAsync("/api/dashboard/2030/centres/kz-nomail/actions/" + DashboardActions.ResendLink);
        var (exit, _, error) = await Pac.RunWithSettingsAsync(site.Server, "link", "kz-nomail", "--email", "--year", "2030");

        await AssertBothRefusedAsync(message, dashboard, exit, error);
        Assert.Empty(site.Server.Outbox.Messages());
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
    }

    [Fact]
    public async Task BadCampaignDatesGetTheSameMessageFromTheDashboardFormAndPac()
    {
        await using var site = await DashboardSite.StartAsync();
        const string message = "Late uploads must close after the deadline.";

        using var dashboard = await site.PostAsync("/api/dashboard",
            ("year", "2031"), ("timezone", "Europe/Paris"), ("opens", "2031-04-01"), ("deadline", "2031-07-15"), ("late-until", "2031-07-01"));
        var (exit, _, error) = await Pac.RunWithSettingsAsync(site.Server, "campaign", "open", "2031", "--timezone", "Europe/Paris",
            "--opens", "2031-04-01", "--deadline", "2031-07-15", "--late-until", "2031-07-01");

        await AssertBothRefusedAsync(message, dashboard, exit, error);
        Assert.Null(await site.Get<CampaignStore>().FindAsync(2031, CancellationToken.None));
        Assert.Empty(await site.Get<AuditLog>().ListAsync(2031, null, CancellationToken.None));
    }

    [Fact]
    public async Task WhatPacDoesIsInTheDashboardsAuditLogAsPacAndTheOsUser()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));

        var extend = await Pac.RunWithSettingsAsync(site.Server, "extend", "kz-almaty", "--until", "2030-07-20", "--year", "2030");
        var link = await Pac.RunWithSettingsAsync(site.Server, "link", "kz-almaty", "--revoke", "--year", "2030");
        var choose = await Pac.RunWithSettingsAsync(site.Server, "version", "choose", "kz-almaty", version.SubmissionId, "--year", "2030");

        Assert.Equal([0, 0, 0], new[] { extend.Exit, link.Exit, choose.Exit });
        Assert.StartsWith("korea-2021.docx (received ", choose.Output, StringComparison.Ordinal);
        var entries = await site.Get<AuditLog>().ListAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None);
        string[] done = [CampaignOperations.Extended, LinkOperations.Revoked, LinkOperations.Created, PacSubmissions.Submissions.VersionOperations.Chosen];
        Assert.Equal(done.Order(StringComparer.Ordinal), entries.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(PacSettings.Operator, e.Who));
        Assert.Equal($"pac ({Environment.UserName})", PacSettings.Operator);
        Assert.Contains("2030-07-20 23:59:59", entries.Single(e => e.Action == CampaignOperations.Extended).Detail, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(PacSettings.Operator), await site.PageAsync("/api/dashboard/2030/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PacLinkEmailSendsTheCoordinatorTheSameEmailAsTheDashboardsResend()
    {
        await using var site = await DashboardSite.StartAsync();

        var (exit, output, _) = await Pac.RunWithSettingsAsync(site.Server, "link", "kz-almaty", "--email", "--year", "2030");

        Assert.Equal(0, exit);
        Assert.Equal($"The upload link was e-mailed to {DashboardSite.Almaty.CoordinatorEmail}.", output.Trim());
        var sent = Assert.Single(site.Server.Outbox.To(DashboardSite.Almaty.CoordinatorEmail));
        Assert.Contains("/api/upload/", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal(LinkOperations.Emailed, Assert.Single(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None)).Action);
    }

    /// <summary>The dashboard answered 400 with <paramref name="message"/> on its page, and <c>pac</c> printed exactly it and exited 1.</summary>
    private static async Task AssertBothRefusedAsync(string message, HttpResponseMessage dashboard, int exit, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, dashboard.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await dashboard.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal((1, message), (exit, error.Trim()));
    }
}
