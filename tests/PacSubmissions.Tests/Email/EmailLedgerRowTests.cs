using Azure.Data.Tables;
using PacSubmissions.Email;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// The e-mail ledger's typed rows and states read the <c>emails</c> table as it is: a row written column by column with
/// today's state strings before rows were typed means the same to a send and to HQ's list, and what the ledger writes
/// keeps those columns and strings.
/// </summary>
public sealed class EmailLedgerRowTests
{
    private static readonly EmailKey Key = new(2030, "kz-almaty", EmailKinds.Reminder, "7");

    private static EmailMessage Message => new(Key, "pac@nlrk.example.kz", "Your PAC report", "Text", "<p>Text</p>");

    /// <summary>The columns of a sent e-mail's row, by today's names and state string.</summary>
    private static TableEntity AssertSentRow(TableEntity row, int attempts)
    {
        Assert.Equal("sent", row.GetString("Status"));
        Assert.Equal(attempts, row.GetInt32("Attempts"));
        Assert.NotNull(row.GetDateTimeOffset("ClaimedAt"));
        Assert.NotNull(row.GetDateTimeOffset("SentAt"));
        Assert.False(string.IsNullOrEmpty(row.GetString("MessageId")));
        Assert.Equal(("pac@nlrk.example.kz", "Your PAC report", EmailKinds.Reminder, "kz-almaty"),
            (row.GetString("To"), row.GetString("Subject"), row.GetString("Kind"), row.GetString("Centre")));
        return row;
    }

    private static TableEntity OldRow(string status, DateTimeOffset claimedAt) => new("2030", "kz-almaty|reminder|7")
    {
        ["Status"] = status,
        ["ClaimedAt"] = claimedAt,
        ["Attempts"] = 2,
        ["To"] = "pac@nlrk.example.kz",
        ["Subject"] = "Your PAC report",
        ["Kind"] = EmailKinds.Reminder,
        ["Centre"] = "kz-almaty",
        ["FailedAt"] = claimedAt.AddSeconds(1),
        ["StatusCode"] = 400,
        ["LastError"] = "SendGrid refused the e-mail (400).",
    };

    [Theory]
    [InlineData("sent", EmailStatus.Sent, true)]
    [InlineData("failed-permanently", EmailStatus.FailedPermanently, true)]
    [InlineData("failed", EmailStatus.Failed, false)]
    [InlineData("sending", EmailStatus.Sending, false)]
    public async Task AnOldRowsStateReadsAsItsTypedState(string stored, EmailStatus status, bool done)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var claimedAt = new DateTimeOffset(2030, 6, 1, 8, 0, 0, TimeSpan.Zero);
        await pipeline.Get<PacStorage>().Table(PacStorage.EmailsTable).AddEntityAsync(OldRow(stored, claimedAt));

        var record = Assert.Single(await pipeline.Get<EmailLedger>().ListAsync(2030, CancellationToken.None));

        Assert.Equal(new EmailRecord(Key, "pac@nlrk.example.kz", "Your PAC report", status, 2, claimedAt, null, claimedAt.AddSeconds(1), null, 400,
            "SendGrid refused the e-mail (400)."), record);
        Assert.Equal(done, record.Done);
    }

    [Theory]
    [InlineData("sent")]
    [InlineData("failed-permanently")]
    public async Task AnOldRowSentOrRefusedForGoodIsNotSentAgain(string stored)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<PacStorage>().Table(PacStorage.EmailsTable).AddEntityAsync(OldRow(stored, DateTimeOffset.UtcNow.AddDays(-1)));

        Assert.Equal(EmailOutcome.AlreadyHandled, await pipeline.Get<EmailLedger>().SendOnceAsync(Message, CancellationToken.None));
        Assert.Empty(pipeline.Outbox.Messages());
    }

    [Fact]
    public async Task AnOldStaleClaimIsTakenOverAndSentAndTheRowKeepsItsColumns()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var table = pipeline.Get<PacStorage>().Table(PacStorage.EmailsTable);
        await table.AddEntityAsync(OldRow("sending", DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.Equal(EmailOutcome.Sent, await pipeline.Get<EmailLedger>().SendOnceAsync(Message, CancellationToken.None));

        Assert.Single(pipeline.Outbox.Messages());
        var row = AssertSentRow((await table.GetEntityAsync<TableEntity>("2030", "kz-almaty|reminder|7")).Value, attempts: 3);
        Assert.Null(row.GetString("LastError"));
    }

    [Fact]
    public async Task AFirstClaimIsWrittenWithTodaysColumnsAndStateStrings()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        await pipeline.Get<EmailLedger>().SendOnceAsync(Message, CancellationToken.None);

        var row = AssertSentRow((await pipeline.Get<PacStorage>().Table(PacStorage.EmailsTable).GetEntityAsync<TableEntity>("2030", "kz-almaty|reminder|7")).Value, attempts: 1);
        Assert.False(row.ContainsKey("LastError"));
    }

    [Fact]
    public async Task AStateTheLedgerCannotMeanIsAnErrorNamingTheRowAndTheStatesThereAre()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<PacStorage>().Table(PacStorage.EmailsTable).AddEntityAsync(OldRow("delivered", DateTimeOffset.UtcNow));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.Get<EmailLedger>().SendOnceAsync(Message, CancellationToken.None));

        Assert.Equal("E-mail 2030/kz-almaty|reminder|7 in the emails table has 'delivered', which is none of sending, sent, failed, failed-permanently.", error.Message);
        Assert.Empty(pipeline.Outbox.Messages());
    }
}
