using System.Reflection;
using Azure.Data.Tables;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Submissions;

/// <summary>
/// The submissions table's typed rows read what the table holds today: rows written column by column before the rows
/// were typed (and in <c>pac backup</c> files) come back the same, and what the store writes has those columns still.
/// </summary>
public sealed class SubmissionRowTests
{
    private static readonly DateTimeOffset Received = new(2030, 7, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A checked submission's row exactly as the store wrote it, by column name, before rows were typed.</summary>
    private static TableEntity OldRow(string submissionId, string status = "incomplete") => new("2030", $"kz-almaty_{submissionId}")
    {
        ["Centre"] = "kz-almaty",
        ["SubmissionId"] = submissionId,
        ["BlobName"] = $"2030/kz-almaty/{submissionId}",
        ["OriginalFileName"] = "Отчёт 2030.docx",
        ["Bytes"] = 5_000_000_000L,
        ["Sha256"] = "ab12",
        ["ReceivedAt"] = Received,
        ["Late"] = true,
        ["ProcessedAt"] = Received.AddSeconds(3),
        ["CheckStatus"] = status,
        ["Format"] = "docx",
        ["CheckProblems"] = """[{"code":"missing-section","message":"Question 3 is missing.","section":"local-cooperation"}]""",
        ["SectionsFound"] = "centre,international-cooperation",
        ["SectionsAnswered"] = "centre",
        ["AnsweredCentre"] = true,
        ["AnsweredInternationalCooperation"] = false,
        ["Institution"] = "National Library",
        ["CentreName"] = "PAC Almaty",
        ["PreparedBy"] = "A. Coordinator",
        ["Emails"] = "pac@nlrk.example.kz o'brien@example.org",
        // As System.Text.Json's web defaults write it, '+' escaped.
        ["Phones"] = """["\u002B7 727 123 45 67"]""",
        ["Pages"] = 4,
        ["Words"] = 1200,
        ["NeedsReview"] = true,
    };

    [Fact]
    public async Task ARowWrittenColumnByColumnBeforeRowsWereTypedReadsBackTheSame()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var table = pipeline.Get<PacStorage>().Table(PacStorage.SubmissionsTable);
        var id = SubmissionBlob.NewSubmissionId(Received);
        await table.AddEntityAsync(OldRow(id));

        var store = pipeline.Get<SubmissionStore>();
        var found = await store.FindAsync(2030, "kz-almaty", id, CancellationToken.None);
        var listed = Assert.Single(await store.ListAsync(2030, CancellationToken.None));

        Assert.NotNull(found);
        Assert.Equal(("kz-almaty", 2030, id, $"2030/kz-almaty/{id}", "Отчёт 2030.docx", 5_000_000_000L, "ab12", Received, true, Received.AddSeconds(3)),
            (found.CentreId, found.Year, found.SubmissionId, found.BlobName, found.OriginalFileName, found.Bytes, found.Sha256, found.ReceivedAt, found.Late, found.ProcessedAt));
        var check = found.Check;
        Assert.NotNull(check);
        Assert.Equal(ReportStatus.Incomplete, check.Status);
        Assert.Equal("docx", check.Format);
        var problem = Assert.Single(check.Problems);
        Assert.Equal(("missing-section", "Question 3 is missing.", "local-cooperation"), (problem.Code, problem.Message, problem.Section));
        Assert.Equal(["centre", "international-cooperation"], check.SectionsFound);
        Assert.Equal(["centre"], check.SectionsAnswered);
        Assert.Equal(("National Library", "PAC Almaty", "A. Coordinator"), (check.Institution, check.CentreName, check.PreparedBy));
        Assert.Equal(["pac@nlrk.example.kz", "o'brien@example.org"], check.Emails);
        Assert.Equal(["+7 727 123 45 67"], check.Phones);
        Assert.Equal((4, 1200, true), (check.Pages, check.Words, check.NeedsReview));
        Assert.Null(found.Failure);
        Assert.Equivalent(found, listed, strict: true);
    }

    [Fact]
    public async Task AnOldRowWithoutACheckOrTheLaterColumnsReadsAsUncheckedAndUnflagged()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var table = pipeline.Get<PacStorage>().Table(PacStorage.SubmissionsTable);
        var unchecked_ = OldRow("s-unchecked");
        foreach (var column in unchecked_.Keys.Where(k => k.StartsWith("Check", StringComparison.Ordinal) || k is "NeedsReview").ToList())
        {
            unchecked_.Remove(column);
        }

        var unflagged = OldRow("s-unflagged", status: "valid");
        unflagged.Remove("NeedsReview");
        await table.AddEntityAsync(unchecked_);
        await table.AddEntityAsync(unflagged);

        var rows = (await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None)).ToDictionary(s => s.SubmissionId);

        Assert.Null(rows["s-unchecked"].Check);
        Assert.Equal(ReportStatus.Valid, rows["s-unflagged"].Check?.Status);
        Assert.False(rows["s-unflagged"].Check?.NeedsReview);
    }

    [Fact]
    public async Task WhatTheStoreWritesHasTheColumnsTheTableAlwaysHad()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var table = pipeline.Get<PacStorage>().Table(PacStorage.SubmissionsTable);
        var id = SubmissionBlob.NewSubmissionId(Received);
        var old = OldRow(id);
        await table.AddEntityAsync(old);
        var store = pipeline.Get<SubmissionStore>();
        var read = await store.FindAsync(2030, "kz-almaty", id, CancellationToken.None);
        await table.DeleteEntityAsync(old.PartitionKey, old.RowKey);

        await store.SaveAsync(read!, CancellationToken.None);
        var written = (await table.GetEntityAsync<TableEntity>(old.PartitionKey, old.RowKey)).Value;

        // Every column the old row had, with its value and its type (Bytes an Int64, the times DateTimeOffset)…
        foreach (var (column, value) in old)
        {
            if (column is "odata.etag" or "Timestamp" or nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey))
            {
                continue;
            }

            Assert.True(written.TryGetValue(column, out var stored), $"The store no longer writes column {column}.");
            Assert.Equal(value, stored);
        }

        // …and one Answered… flag for each of the form's questions, as before.
        foreach (var key in FormSections.All)
        {
            Assert.Equal(key == FormSections.Centre, written.GetBoolean(SubmissionCheckColumns.AnsweredColumn(key)));
        }
    }

    [Fact]
    public async Task AFailureRecordedOnAnOldRowKeepsItsCheckAndAddsTheFailureColumns()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var table = pipeline.Get<PacStorage>().Table(PacStorage.SubmissionsTable);
        var old = OldRow("s-failed");
        old["ProcessedAt"] = Received;
        await table.AddEntityAsync(old);
        var store = pipeline.Get<SubmissionStore>();
        var failure = new ProcessingFailure(Received.AddMinutes(5), "The reader stopped responding.");
        var submission = (await store.FindAsync(2030, "kz-almaty", "s-failed", CancellationToken.None))! with { Failure = failure };

        Assert.True(await store.RecordFailureAsync(submission, Received.AddMinutes(4), CancellationToken.None));

        var written = (await table.GetEntityAsync<TableEntity>(old.PartitionKey, old.RowKey)).Value;
        Assert.Equal(failure.At, written.GetDateTimeOffset("ProcessingFailedAt"));
        Assert.Equal(failure.Reason, written.GetString("ProcessingFailure"));
        Assert.Equal("incomplete", written.GetString("CheckStatus"));
        Assert.Equal(failure, (await store.FindAsync(2030, "kz-almaty", "s-failed", CancellationToken.None))?.Failure);
    }

    [Fact]
    public async Task AStatusTheTableCannotMeanIsAnErrorNamingTheRowAndTheStatusesThereAre()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<PacStorage>().Table(PacStorage.SubmissionsTable).AddEntityAsync(OldRow("s-odd", status: "fine"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));

        Assert.Equal("Submission 2030/kz-almaty_s-odd's CheckStatus has 'fine', which is none of valid, incomplete, unreadable.", error.Message);
    }

    [Fact]
    public void TheRowHasAnAnsweredColumnForEachQuestionOfTheFormAndNoOther()
    {
        var columns = typeof(SubmissionRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name).Where(n => n.StartsWith("Answered", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(FormSections.All.Select(SubmissionCheckColumns.AnsweredColumn).Order(StringComparer.Ordinal), columns);
    }
}
