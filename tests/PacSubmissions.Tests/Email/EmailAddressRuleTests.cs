using System.ComponentModel.DataAnnotations;
using System.Text;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reports;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// One rule for an e-mail address (<see cref="ContactFacts.IsAddress"/>): the register's CSV, the e-mail settings, the
/// coordinator an e-mail goes to and the addresses the reader finds in a report all take and refuse the same addresses.
/// </summary>
public sealed class EmailAddressRuleTests
{
    public static TheoryData<string> NotAddresses => new()
    {
        "hq", "hq@", "@example.org", "hq@example", "hq@@example.org", "h q@example.org", "hq@exam ple.org", "hq@example.org.",
        "<hq@example.org>", "'hq@example.org'", "Hq <hq@example.org>", "josé@example.org", "hq@bibliothèque.fr",
        "hq@example.org, other@example.org",
    };

    [Theory]
    [InlineData("hq@example.org")]
    [InlineData("pac.almaty+reports@nlrk.example.kz")]
    [InlineData("o'brien@example.ie")]
    [InlineData("PAC_Centre-1@Sub.Example.ORG")]
    public void AddressesAreTakenEverywhere(string address)
    {
        Assert.True(ContactFacts.IsAddress(address));
        Assert.Empty(Import(address).Errors);
        Assert.Empty(Validate(new EmailOptions { From = address, HqAddress = address, OutboxPath = "outbox" }));
        Assert.Equal([address], ContactFacts.Emails([$"Contact: {address}."]));
    }

    [Theory]
    [MemberData(nameof(NotAddresses))]
    public void AnythingElseIsRefusedByTheRegistersCsvAndTheSettingsWithTheirOwnMessage(string text)
    {
        Assert.False(ContactFacts.IsAddress(text));

        var error = Assert.Single(Import(text).Errors);
        Assert.Equal($"The coordinator e-mail '{text}' is not an e-mail address.", error.Message);

        Assert.Equal(["Email:From must be an e-mail address.", "Email:HqAddress must be an e-mail address."],
            Validate(new EmailOptions { From = text, HqAddress = text, OutboxPath = "outbox" }));
    }

    [Fact]
    public void NoAddressIsAnEmptyCoordinatorAndAMissingSetting()
    {
        Assert.False(ContactFacts.IsAddress(null));
        Assert.False(ContactFacts.IsAddress(""));
        Assert.Empty(Import("").Errors);
        Assert.Equal(
            ["Set Email:From to the address e-mails are sent from (verified in SendGrid).", "Set Email:HqAddress to IFLA HQ's e-mail address; HQ is told of every submission."],
            Validate(new EmailOptions { OutboxPath = "outbox" }));
    }

    [Fact]
    public void ALineBreakAfterAnAddressIsNotPartOfIt()
    {
        // The CSV trims its values; a setting or a register row edited by hand is taken as it is.
        Assert.False(ContactFacts.IsAddress("hq@example.org\n"));
        Assert.Equal(["Email:HqAddress must be an e-mail address."],
            Validate(new EmailOptions { From = "hq@example.org", HqAddress = "hq@example.org\n", OutboxPath = "outbox" }));
    }

    [Fact]
    public void AnApostropheAroundAnAddressInAReportIsNotPartOfIt()
    {
        Assert.Equal(["pac@example.org"], ContactFacts.Emails(["Write to 'pac@example.org' or call."]));
    }

    private static CentreCsvImport Import(string email) =>
        CentreCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            $"id,name,coordinator_email\nkz-almaty,Almaty,\"{email.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n")));

    /// <summary>What the options' validation at start says (ValidateDataAnnotations runs these same attributes).</summary>
    private static List<string?> Validate(EmailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage)];
    }
}
