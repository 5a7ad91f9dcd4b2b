using PacSubmissions.Reports;

namespace PacSubmissions.Tests.Reports;

/// <summary>How HQ's pages and <c>pac extract</c> describe a file: "1 page", and what a broken file claimed to be.</summary>
public sealed class ReadingSummaryTests
{
    [Theory]
    [InlineData(1, "1 page")]
    [InlineData(0, "0 pages")]
    [InlineData(2, "2 pages")]
    [InlineData(1204, "1,204 pages")]
    public void OnePageIsSingular(int pages, string shown) => Assert.Equal(shown, ReadingSummary.Counted(pages, "page"));

    [Theory]
    [InlineData("unknown", "Annual report.docx", "claims to be DOCX; not a readable DOCX")]
    [InlineData("zip", "report.ODT", "claims to be ODT; not a readable ODT")]
    [InlineData("empty", "report.pdf", "claims to be PDF; not a readable PDF")]
    [InlineData("unknown", "report.exe", "named .exe; not a readable DOCX, ODT or PDF")]
    [InlineData("ole", "report", "no format in its name; not a readable DOCX, ODT or PDF")]
    public void ABrokenFileIsShownAsWhatItClaimedToBe(string found, string fileName, string shown) =>
        Assert.Equal(shown, ReadingSummary.Format(found, ReportStatus.Unreadable, fileName));

    [Fact]
    public void AReadableFileIsShownAsTheFormatFound() =>
        Assert.Equal("pdf", ReadingSummary.Format("pdf", ReportStatus.Valid, "report.docx"));
}
