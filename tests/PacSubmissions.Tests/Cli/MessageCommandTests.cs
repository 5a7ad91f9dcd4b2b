using PacSubmissions.Audit;
using PacSubmissions.Email;
using PacSubmissions.Messages;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Cli;

/// <summary><c>pac message</c> and <c>pac invite</c>: the preview by default, the send with <c>--send</c>, once per centre, through the dashboard's own service.</summary>
public sealed class MessageCommandTests
{
    [Fact]
    public async Task PacMessagePreviewsByDefaultAndSendsOnceWithSend()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(now),
            TestData.Centre(), TestData.Centre("fr-paris", "PAC Paris", "paris@pac-test.example") with { Language = "fr" });
        var id = SubmissionBlob.NewSubmissionId(now.AddDays(-1));
        await pipeline.Get<SubmissionStore>().SaveAsync(new Submission("fr-paris", 2030, id, $"2030/fr-paris/{id}", "r.docx", 10, "00", now.AddDays(-1), false, now.AddDays(-1),
            new SubmissionCheck(ReportStatus.Incomplete, "docx", [], [], [], null, null, null, [], [], 1, 10)), CancellationToken.None);
        var text = pipeline.Outbox.Path + "-message.txt";
        await File.WriteAllTextAsync(text, "Two answers are missing.\n\nThank you.");
        try
        {
            string[] args = ["message", "--year", "2030", "--state", "incomplete", "--subject", "Your report", "--text-file", text];

            var (previewExit, preview, _) = await Pac.RunWithSettingsAsync(pipeline, null, args);
            Assert.Empty(pipeline.Outbox.Messages());
            var (sendExit, sent, _) = await Pac.RunWithSettingsAsync(pipeline, null, [.. args, "--send"]);
            var (againExit, again, _) = await Pac.RunWithSettingsAsync(pipeline, null, [.. args, "--send"]);

            Assert.Equal((0, 0, 0), (previewExit, sendExit, againExit));
            Assert.Contains("(fr), 1 centre(s)", preview, StringComparison.Ordinal);
            Assert.Contains("Two answers are missing.", preview, StringComparison.Ordinal);
            Assert.Contains("  fr-paris (fr) paris@pac-test.example: yes", preview, StringComparison.Ordinal);
            Assert.DoesNotContain("kz-almaty", preview, StringComparison.Ordinal);
            Assert.Contains("Nothing was sent.", preview, StringComparison.Ordinal);
            Assert.StartsWith("1 sent, 0 had it already", sent, StringComparison.Ordinal);
            Assert.StartsWith("0 sent, 1 had it already", again, StringComparison.Ordinal);
            Assert.Equal("Your report", Assert.Single(pipeline.Outbox.Messages()).Subject);
            Assert.All((await pipeline.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None)).Where(e => e.Action == CentreMessages.Messaged),
                e => Assert.StartsWith("pac (", e.Who, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public async Task PacMessageToAStateThatIsNoneSaysWhichThereAre()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var text = pipeline.Outbox.Path + "-message.txt";
        await File.WriteAllTextAsync(text, "Hello.");
        try
        {
            var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "message", "--year", "2030", "--state", "tardy", "--subject", "S", "--text-file", text);

            Assert.Equal(1, exit);
            Assert.Contains("'tardy' is no state to message: give one of not-yet, incomplete, unreadable, late, all.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public async Task PacInviteSendsTheInvitationOnceWithSend()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());

        var (_, preview, _) = await Pac.RunWithSettingsAsync(pipeline, null, "invite", "--year", "2030");
        var (_, sent, _) = await Pac.RunWithSettingsAsync(pipeline, null, "invite", "--year", "2030", "--send");
        var (_, again, _) = await Pac.RunWithSettingsAsync(pipeline, null, "invite", "--year", "2030", "--send");

        Assert.Contains("1 of 1 centre(s) would get it:", preview, StringComparison.Ordinal);
        Assert.StartsWith("1 sent", sent, StringComparison.Ordinal);
        Assert.StartsWith("0 sent, 1 had it already", again, StringComparison.Ordinal);
        Assert.Equal($"2030|kz-almaty|{EmailKinds.Invitation}|{EmailKinds.Opening}", Assert.Single(pipeline.Outbox.Messages()).Headers[OutboxEmailSender.KeyHeader]);
    }
}
