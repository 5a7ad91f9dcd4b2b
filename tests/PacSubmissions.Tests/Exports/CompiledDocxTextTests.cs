using DocumentFormat.OpenXml.Packaging;
using PacSubmissions.Exports;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Exports;

public sealed class CompiledDocxTextTests
{
    [Fact]
    public async Task ControlCharactersFromAPdfDoNotStopTheDocument()
    {
        var at = DateTimeOffset.UtcNow;
        var centre = TestData.Centre(name: "Almaty\u0001 Centre");
        var submission = new Submission(centre.Id, 2030, "id", "2030/kz-almaty/id", "r.pdf", 1, "", at, false, at);
        var reading = new ReportReading("pdf", 1, "", ReportStatus.Valid, [],
            [new ReportSection(FormSections.Workshops, "Workshops", Answered: true, 3, "Two\u0002 workshops \U0001F4DA held")], null, null, [], [], null, 1, 3);
        var report = new CompiledReport(TestData.OpenCampaign(at),
            [new CompiledCentre(new CentreOverview(centre, CentreReportState.OnTime, submission, 1, [FormSections.Workshops], 0, null), reading)]);
        using var output = new MemoryStream();

        await CompiledDocx.WriteAsync(report, output, CancellationToken.None);

        output.Position = 0;
        using var document = WordprocessingDocument.Open(output, isEditable: false);
        var text = document.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("Almaty Centre", text, StringComparison.Ordinal);
        Assert.Contains("Two workshops \U0001F4DA held", text, StringComparison.Ordinal);
    }
}
