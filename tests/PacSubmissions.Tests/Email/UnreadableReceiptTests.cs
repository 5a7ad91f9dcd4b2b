using MimeKit;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Email;

/// <summary>A damaged upload (whole to its end, so it is stored), read by the real reader in the local host: the receipt names the problem in the centre's language.</summary>
public sealed class UnreadableReceiptTests
{
    [Theory]
    [InlineData("ru", "Файл повреждён и не открывается.")]
    [InlineData("ar", "الملف تالف ولا يمكن فتحه.")]
    public async Task ADamagedReportsReceiptSaysTheFileIsDamagedInTheCentresLanguage(string language, string damaged)
    {
        await using var site = await DashboardSite.StartAsync();
        var centre = TestData.Centre("xx-" + language, "PAC Centre " + language, $"{language}@pac-test.example") with { Language = language };
        await TestData.SeedAsync(site.Server.Services, site.Campaign, centre);

        var file = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(file, PacSubmissions.Tests.Reports.TestDocuments.DamagedDocx());
        try
        {
            await site.UploadAsync(centre, file);
        }
        finally
        {
            File.Delete(file);
        }

        var receipt = (await Eventually.Until(() => Task.FromResult(site.Server.Outbox.To(centre.CoordinatorEmail)), m => m.Count > 0)).Single();
        Assert.Contains(damaged, receipt.TextBody, StringComparison.Ordinal);
        // The reader's and the zip library's own English never reaches the coordinator.
        Assert.DoesNotContain("Central Directory", receipt.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCX", receipt.TextBody, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", Body(receipt));
    }

    /// <summary>The text without what is rightly Latin: the file name, its hash, the link and the signature.</summary>
    private static string Body(MimeMessage receipt) =>
        string.Join("\n", (receipt.TextBody ?? "").Split('\n').Where(line => !line.Contains("http", StringComparison.Ordinal)
            && !line.Contains("IFLA PAC Submissions", StringComparison.Ordinal)));
}
