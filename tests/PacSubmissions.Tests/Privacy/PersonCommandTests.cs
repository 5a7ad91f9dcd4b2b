using System.Text.Json;
using PacSubmissions.Audit;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Privacy;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Privacy;

/// <summary>
/// A coordinator's access and erasure requests on real Azurite, through <c>pac person export</c> and <c>pac person forget</c>:
/// the address is found in any case in each kind of record, and once forgotten nothing the export looks in still names it.
/// </summary>
public sealed class PersonCommandTests
{
    private const string Address = "coordinator@pac-test.example";

    /// <summary>The coordinator's centre, a centre whose report gives the coordinator's address as a contact, and a centre of someone else.</summary>
    private static async Task<(Submission Own, Submission Named, Submission Other)> SeedAsync(PrivacyScenario scenario)
    {
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        // The address became the coordinator's when the campaign opened, before any of the reports.
        scenario.Clock.SetUtcNow(campaign.OpensAt);
        await scenario.Get<AuditLog>().RecordAsync(campaign.Year, "kz-almaty", "address-change",
            $"coordinator address changed from 'before@pac-test.example' to '{Address}'; links issued before now revoked; sent", "officer@ifla.example", CancellationToken.None);
        var own = await scenario.ReportAsync(campaign, TestData.Centre());
        var named = await scenario.ReportAsync(campaign, TestData.Centre("br-rio", "PAC Rio", "rio@pac-test.example") with { CoordinatorName = "R. Someone" }, "Coordinator@PAC-test.example");
        var other = await scenario.ReportAsync(campaign, TestData.Centre("fr-paris", "PAC Paris", "paris@pac-test.example") with { CoordinatorName = "P. Other" });
        return (own, named, other);
    }

    private static async Task<JsonElement> ExportAsync(PrivacyScenario scenario, string address)
    {
        var file = Path.Combine(scenario.Pipeline.Outbox.Path, "person.json");
        var (exit, output, error) = await scenario.PacAsync("person", "export", address, "--out", file);
        Assert.True(exit == 0, error);
        Assert.Contains($"to {file}", output, StringComparison.Ordinal);
        return JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.Clone();
    }

    private static List<string> Strings(JsonElement export, string list, string property) =>
        [.. export.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(property).ToString())];

    [Fact]
    public async Task ExportFindsTheAddressInAnyCaseInTheRegisterTheLedgerTheAuditLogAndTheReadingsWithTheCentresFiles()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var (own, named, other) = await SeedAsync(scenario);

        var export = await ExportAsync(scenario, "COORDINATOR@pac-test.EXAMPLE");

        Assert.Equal(["kz-almaty"], Strings(export, "register", "id"));
        Assert.Equal(["A. Coordinator"], Strings(export, "register", "coordinatorName"));
        Assert.Equal([Address], Strings(export, "emails", "to"));
        Assert.Equal(["address-change", "extend"], Strings(export, "audit", "action").Order(StringComparer.Ordinal));
        Assert.Equal([own.SubmissionId, named.SubmissionId], Strings(export, "readings", "submissionId").Order(StringComparer.Ordinal));
        Assert.Contains(PrivacyScenario.Phone, export.GetProperty("readings")[0].GetProperty("phones")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal([own.SubmissionId, named.SubmissionId], Strings(export, "reportFiles", "submissionId").Order(StringComparer.Ordinal));
        Assert.DoesNotContain(other.SubmissionId, export.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("paris@pac-test.example", export.ToString(), StringComparison.Ordinal);
        // On standard output too, and audited without the address.
        var (exit, output, _) = await scenario.PacAsync("person", "export", Address);
        Assert.Equal(0, exit);
        Assert.Equal(export.GetProperty("register").ToString(), JsonDocument.Parse(output).RootElement.GetProperty("register").ToString());
        var audited = (await scenario.Get<AuditLog>().ListAsync(own.Year, null, CancellationToken.None)).Where(e => e.Action == PersonalData.ExportAction).ToList();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.StartsWith("a coordinator of kz-almaty: exported 1 register entries, 1 e-mails, 2 audit entries, 2 readings, 2 report files", e.Detail, StringComparison.Ordinal));
        Assert.All(audited, e => Assert.DoesNotContain(Address, e.Detail, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ForgetIsADryRunFirstThenLeavesNothingTheExportFindsAndTheCentreWithoutACoordinator()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var (own, named, other) = await SeedAsync(scenario);
        var before = await scenario.EverythingAsync();

        var (exit, output, error) = await scenario.PacAsync("person", "forget", Address);

        Assert.True(exit == 0, error);
        Assert.Contains("Would remove the address from 1 register entries, 1 e-mails, 2 audit entries, 2 readings.", output, StringComparison.Ordinal);
        Assert.Contains("kz-almaty would have no coordinator", output, StringComparison.Ordinal);
        Assert.Equal(before, await scenario.EverythingAsync());

        (exit, output, error) = await scenario.PacAsync("person", "forget", Address, "--apply");

        Assert.True(exit == 0, error);
        Assert.Contains("Removed the address from 1 register entries, 1 e-mails, 2 audit entries, 2 readings.", output, StringComparison.Ordinal);
        Assert.Contains("kz-almaty now has no coordinator", output, StringComparison.Ordinal);
        var export = await ExportAsync(scenario, Address);
        foreach (var list in new[] { "register", "emails", "audit", "readings", "reportFiles" })
        {
            Assert.Empty(export.GetProperty(list).EnumerateArray());
        }

        // Nothing anywhere names the address or the coordinator's name any more; the centre, its files and the other centres stay.
        var everything = string.Join('\n', await scenario.EverythingAsync());
        Assert.DoesNotContain(Address, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("A. Coordinator", everything, StringComparison.Ordinal);
        var centres = await scenario.Get<CentreRegister>().ListAsync(CancellationToken.None);
        Assert.Equal(["br-rio", "fr-paris", "kz-almaty"], centres.Select(c => c.Id).Order(StringComparer.Ordinal));
        var almaty = Assert.Single(centres, c => c.Id == "kz-almaty");
        Assert.Equal(("", "", "PAC Centre Almaty"), (almaty.CoordinatorEmail, almaty.CoordinatorName, almaty.Name));
        Assert.Equal(["rio@pac-test.example"], centres.Where(c => c.Id != "kz-almaty" && c.Id != "fr-paris").Select(c => c.CoordinatorEmail));
        Assert.True(await scenario.Get<PacSubmissions.Storage.PacStorage>().Reports.GetBlobClient(own.BlobName).ExistsAsync());
        var reading = await scenario.Get<ReadingArchive>().FindAsync(named.BlobName, CancellationToken.None);
        Assert.Equal(["library@pac-test.example"], reading!.Emails);
        Assert.Empty(reading.Phones);
        Assert.Equal(["paris@pac-test.example", "library@pac-test.example"], (await scenario.Get<ReadingArchive>().FindAsync(other.BlobName, CancellationToken.None))!.Emails);
        // The ledger keeps the e-mail's key, so nothing is sent twice; the reminders see a centre without an address.
        var receipt = Assert.Single(await scenario.Get<EmailLedger>().ListAsync(own.Year, CancellationToken.None), e => e.Key.Centre == "kz-almaty");
        Assert.Equal(EmailLedger.RemovedRecipient, receipt.To);
        (exit, output, _) = await scenario.PacAsync("reminders", "plan");
        Assert.Equal(0, exit);
        Assert.Contains("kz-almaty has no usable coordinator address", output, StringComparison.Ordinal);
        var forgotten = Assert.Single(await scenario.Get<AuditLog>().ListAsync(own.Year, null, CancellationToken.None), e => e.Action == PersonalData.ForgetAction);
        Assert.StartsWith("a coordinator of kz-almaty: removed from 1 register entries", forgotten.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomethingThatIsNoAddressIsRefusedAndNothingIsAudited()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        await SeedAsync(scenario);
        var before = await scenario.EverythingAsync();

        var (exit, _, error) = await scenario.PacAsync("person", "forget", "coordinator at pac-test", "--apply");

        Assert.Equal(1, exit);
        Assert.Equal("'coordinator at pac-test' is not an e-mail address.", error.Trim());
        Assert.Equal(before, await scenario.EverythingAsync());
    }
}
