using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData("central-asia-2020.docx", ReportFormat.Docx)]
    [InlineData("china-2021.docx", ReportFormat.Docx)]
    [InlineData("korea-2021.docx", ReportFormat.Docx)]
    [InlineData("truncated.docx", ReportFormat.Docx)]
    [InlineData("central-asia-2020.pdf", ReportFormat.Pdf)]
    [InlineData("brazil-2021.pdf", ReportFormat.Pdf)]
    [InlineData("renamed-binary.docx", null)]
    [InlineData("empty.pdf", null)]
    public void SamplesAreRecognisedByContent(string sample, string? format)
    {
        Assert.Equal(format, ReportFormat.Detect(UploadSite.Sample(sample)));
    }

    [Fact]
    public void OpenDocumentTextIsRecognisedButNotItsTemplate()
    {
        var odt = UploadSite.Odt();
        var template = UploadSite.Odt();
        var at = template.AsSpan().IndexOf("opendocument.text"u8) + "opendocument.text".Length;
        template[at] = (byte)'-';

        Assert.Equal(ReportFormat.Odt, ReportFormat.Detect(odt));
        Assert.Null(ReportFormat.Detect(template));
    }

    [Fact]
    public void ShortOrTruncatedHeadersAreNotAReport()
    {
        Assert.Null(ReportFormat.Detect("PK\u0003\u0004"u8));
        Assert.Null(ReportFormat.Detect("%PD"u8));
    }
}
