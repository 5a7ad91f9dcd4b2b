using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Reports;
using PacSubmissions.Storage;

namespace PacSubmissions.Tests.Storage;

/// <summary>The states' one spelling in tables and on <c>pac</c>'s output: the strings the tables held before the states were typed.</summary>
public sealed class StoredNamesTests
{
    [Fact]
    public void EachStateIsStoredAsTheStringTheTablesAlwaysHeld()
    {
        Assert.Equal(["sending", "sent", "failed", "failed-permanently"], Enum.GetValues<EmailStatus>().Select(StoredNames.Of));
        Assert.Equal(["valid", "incomplete", "unreadable"], Enum.GetValues<ReportStatus>().Select(StoredNames.Of));
        Assert.Equal(["sent", "skipped", "failed", "failed-permanently"], Enum.GetValues<ReminderOutcome>().Select(StoredNames.Of));
    }

    [Theory]
    [InlineData("failed-permanently", EmailStatus.FailedPermanently)]
    [InlineData("FAILED-PERMANENTLY", EmailStatus.FailedPermanently)]
    [InlineData("FailedPermanently", EmailStatus.FailedPermanently)]
    [InlineData("sending", EmailStatus.Sending)]
    public void AStoredStateReadsBackWhateverItsCase(string stored, EmailStatus status)
    {
        Assert.Equal(status, StoredNames.Parse<EmailStatus>(stored, "Row x"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("failed permanently")]
    [InlineData("Sent,Failed")]
    public void AnythingElseIsAnErrorThatSaysWhereAndWhatIsAllowed(string? stored)
    {
        var error = Assert.Throws<InvalidDataException>(() => StoredNames.Parse<EmailStatus>(stored, "E-mail 2030/x in the emails table"));

        Assert.Equal($"E-mail 2030/x in the emails table has '{stored}', which is none of sending, sent, failed, failed-permanently.", error.Message);
    }
}
