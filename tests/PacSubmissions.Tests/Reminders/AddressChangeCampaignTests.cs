using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// A coordinator's address changed mid-campaign, played day by day through the real reminder run, ledger and outbox on
/// Azurite: the old address hears nothing after the change, the new one gets its link once and every chase after it,
/// and a centre whose address stayed gets its own e-mails untouched.
/// </summary>
public sealed class AddressChangeCampaignTests
{
    private static readonly Campaign Campaign = Campaign.WithDefaults(2033, new DateTimeOffset(2033, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AfterAnAddressChangeEveryEmailGoesToTheNewAddressOnceAndTheOldLinkIsDead()
    {
        var clock = new FakeTimeProvider(Campaign.OpensAt);
        await using var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var changing = TestData.Centre("fr-paris", "PAC Centre Paris", "old@pac-test.example") with { Language = "fr" };
        var staying = TestData.Centre("de-leipzig", "PAC Centre Leipzig", "leipzig@pac-test.example") with { Language = "de" };
        await TestData.SeedAsync(pipeline.Services, Campaign, changing, staying);
        var oldToken = pipeline.Get<UploadLinks>().CreateToken(changing.Id, Campaign);
        // Between the 14-day and the 7-day reminders.
        var changeAt = Campaign.DaysFromDeadline(-10);
        var changed = false;
        UploadContext? oldLinkAfterChange = null, newLinkAfterChange = null;

        for (var day = Campaign.OpensAt.Date.AddHours(12); day <= Campaign.LateUploadsCloseAt.AddDays(1); day = day.AddDays(1))
        {
            if (!changed && day >= changeAt)
            {
                clock.SetUtcNow(changeAt);
                await pipeline.Get<LinkOperations>().SaveCentresAsync([changing with { CoordinatorEmail = "new@pac-test.example" }], "pac test", CancellationToken.None);
                changed = true;
                var access = pipeline.Get<UploadAccess>();
                oldLinkAfterChange = await access.ResolveAsync(oldToken, CancellationToken.None);
                var linkEmail = Assert.Single(pipeline.Outbox.To("new@pac-test.example"));
                newLinkAfterChange = await access.ResolveAsync(linkEmail.TextBody!.Split("/api/upload/")[1].Split(['\n', '\r'])[0].Trim(), CancellationToken.None);
            }

            clock.SetUtcNow(new DateTimeOffset(day, TimeSpan.Zero));
            await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None);
        }

        // The invitation at the opening went to the address the register had then.
        Assert.Equal(["invitation|opening", "reminder|30d", "reminder|14d"], Kinds(pipeline, "old@pac-test.example"));
        Assert.Equal(["address-changed", "reminder|7d", "reminder|1d", "late-notice|1d", "late-notice|7d", "late-notice|14d"],
            Kinds(pipeline, "new@pac-test.example").Select(k => k.StartsWith(EmailKinds.AddressChanged, StringComparison.Ordinal) ? EmailKinds.AddressChanged : k));
        Assert.Equal(["invitation|opening", "reminder|30d", "reminder|14d", "reminder|7d", "reminder|1d", "late-notice|1d", "late-notice|7d", "late-notice|14d"],
            Kinds(pipeline, staying.CoordinatorEmail));

        Assert.Null(oldLinkAfterChange);
        Assert.Equal("new@pac-test.example", newLinkAfterChange?.Centre.CoordinatorEmail);
    }

    /// <summary>What each e-mail to the address was, as its ledger key's kind and detail, in the order sent.</summary>
    private static List<string> Kinds(TestPipeline pipeline, string address) =>
        [.. pipeline.Outbox.To(address).Select(m => string.Join('|', Key(m).Split('|')[2..]))];

    private static string Key(MimeKit.MimeMessage message) => message.Headers["X-Pac-Email-Key"] ?? "";
}
