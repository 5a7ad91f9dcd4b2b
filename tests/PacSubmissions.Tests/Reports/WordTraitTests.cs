using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports;

/// <summary>Whole DOCX files built the way Word writes them (content controls, line breaks, italic hints, label tables, letters), and PDFs printed from them, read end to end.</summary>
public sealed class WordTraitTests
{
    private static readonly FormText Form = FormText.English;

    private static IEnumerable<OpenXmlElement> Answered(params int[] skip) =>
        Form.Pairs.Take(5).Select((p, i) => (p, i)).Where(x => !skip.Contains(x.i)).SelectMany(x => new OpenXmlElement[] { Bold(x.p.Question), Plain(x.p.Answer) });

    /// <summary>A plain-text content control as Word 2016+ inserts it: alias, tag, the default placeholder, still showing it.</summary>
    private static SdtBlock EmptyControl(string tag, string placeholder = "Click or tap here to enter text.") =>
        new(
            new SdtProperties(
                new SdtAlias { Val = tag },
                new Tag { Val = tag },
                new SdtId { Val = 1_234_567 },
                new SdtPlaceholder(new DocPartReference { Val = "DefaultPlaceholder_-1854013440" }),
                new ShowingPlaceholder(),
                new SdtContentText()),
            new SdtContentBlock(new Paragraph(new Run(new RunProperties(new RunStyle { Val = "PlaceholderText" }), new Text(placeholder)))));

    private static Run Italic(string text) => new(new RunProperties(new Italic()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run BoldRun(string text) => new(new RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Run PlainRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    [Fact]
    public async Task AContentControlStillShowingWordsPlaceholderIsNoAnswer()
    {
        var reading = await ReadAsync(Docx([.. Answered(skip: 3), Bold(Form.Questions[3]), EmptyControl("workshops")]));

        Assert.Equal(ReportStatus.Incomplete, reading.Status);
        Assert.Contains(reading.Problems, p => p is { Code: ProblemCodes.UnansweredSection, Section: FormSections.Workshops });
    }

    [Fact]
    public async Task AGermanWordPlaceholderIsNoAnswerEither()
    {
        var reading = await ReadAsync(Docx([.. Answered(skip: 1), Bold(Form.Questions[1]), EmptyControl("intl", "Klicken oder tippen Sie hier, um Text einzugeben.")]));

        Assert.Contains(reading.Problems, p => p is { Code: ProblemCodes.UnansweredSection, Section: FormSections.InternationalCooperation });
    }

    [Fact]
    public async Task AnAnswerTypedAfterTheItalicHintOnTheBoldQuestionsLineIsTheAnswer()
    {
        var line = new Paragraph(BoldRun("Local Cooperation"), new Run(new Break()),
            Italic("(highlight activities and work your PAC Centre has done in the local preservation and conservation network)"),
            PlainRun(" Ran condition surveys for eleven libraries; contact conservation [at] slv-example.au."));

        var reading = await ReadAsync(Docx([.. Answered(skip: 2), line]));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        var local = Assert.Single(reading.Sections, s => s.Key == FormSections.LocalCooperation);
        Assert.Equal("Ran condition surveys for eleven libraries; contact conservation [at] slv-example.au.", local.Text);
        Assert.Contains("conservation@slv-example.au", reading.Emails);
    }

    [Fact]
    public async Task TheHintInItsOwnItalicParagraphIsNotPartOfTheAnswer()
    {
        var reading = await ReadAsync(Docx([.. Answered(skip: 3), Bold("Workshops/trainings/events"),
            new Paragraph(Italic("What workshops/trainings/events has the PAC Centre organised? Which did it participate in?")), Plain(Form.Answers[3])]));

        Assert.Equal(Form.Answers[3], Assert.Single(reading.Sections, s => s.Key == FormSections.Workshops).Text);
    }

    [Fact]
    public async Task NonAnswersWrittenNaturallyMakeTheReportIncomplete()
    {
        var reading = await ReadAsync(Docx([.. Answered(skip: [1, 2]), Bold(Form.Questions[1]), Plain("Not applicable this year."), Bold(Form.Questions[2]), Plain("To be completed.")]));

        Assert.Equal(ReportStatus.Incomplete, reading.Status);
        Assert.Equal([FormSections.InternationalCooperation, FormSections.LocalCooperation], reading.Problems.Select(p => p.Section));
    }

    [Fact]
    public async Task ALabelTableOfContactsGivesThePreparerWithTitleAndTheWholeInstitution()
    {
        var contacts = QuestionTable(("Institution", "National and University Library of Iceland"), ("Prepared by", "Dr. Jane Smith"), ("E-mail", "jane.smith [at] landsbokasafn-example.is"));

        var reading = await ReadAsync(Docx([Bold(Form.Questions[0]), contacts, .. Answered(skip: 0)]));

        Assert.Equal("National and University Library of Iceland", reading.Institution);
        Assert.Equal("Dr. Jane Smith", reading.PreparedBy);
        Assert.Contains("jane.smith@landsbokasafn-example.is", reading.Emails);
    }

    [Fact]
    public async Task AGermanClosingInstructionAndALettersFramingJoinNoAnswer()
    {
        var reading = await ReadAsync(Docx([Plain("Sehr geehrte Damen und Herren,"), .. Answered(),
            Plain("Bitte ergänzen Sie fehlende Angaben bis zum 15. Juli."), Plain("Mit freundlichen Grüßen"), Plain("Hans Müller")]));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Equal(Form.Answers[4], Assert.Single(reading.Sections, s => s.Key == FormSections.IflaInitiatives).Text);
        Assert.DoesNotContain(reading.Sections, s => s.Text.Contains("Sehr geehrte", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoQuestionsUnderOneWordHeadingAreBothAnswered()
    {
        var reading = await ReadAsync(Docx([.. Answered(skip: [3, 4]), Heading("4. Workshops / 5. Involvement with IFLA initiatives"), Plain("A Risk Register workshop for 40 people.")]));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.False(reading.NeedsReview);
    }

    [Fact]
    public async Task APdfPrintedFromAFormWithAnEmptyControlShowsThePlaceholderAsNoAnswer()
    {
        var lines = Form.Pairs.Take(5).SelectMany((p, i) => new[]
        {
            new PdfLine(p.Question.Split(" (")[0], Bold: true, Gap: 10),
            new PdfLine(i == 2 ? "Click or tap here to enter text." : p.Answer, Gap: 4),
        });

        var reading = await ReadAsync(Pdf(lines));

        Assert.Equal(ReportStatus.Incomplete, reading.Status);
        Assert.Equal(FormSections.LocalCooperation, Assert.Single(reading.Problems).Section);
    }

    [Fact]
    public async Task APdfWithTheHintOnItsOwnLineAndANonAnswerReadsBoth()
    {
        var reading = await ReadAsync(Pdf(
        [
            .. Form.Pairs.Take(3).SelectMany(p => new[] { new PdfLine(p.Question.Split(" (")[0], Bold: true, Gap: 10), new PdfLine(p.Answer, Gap: 4) }),
            new PdfLine("Workshops/trainings/events", Bold: true, Gap: 10),
            new PdfLine("(what workshops/trainings/events has the PAC Centre organised?)", Gap: 4),
            new PdfLine(Form.Answers[3], Gap: 8),
            new PdfLine("Involvement of the PAC Centre with the IFLA Initiatives", Bold: true, Gap: 10),
            new PdfLine("None at this stage.", Gap: 4),
        ]));

        Assert.Equal(Form.Answers[3], Assert.Single(reading.Sections, s => s.Key == FormSections.Workshops).Text);
        Assert.Equal((ProblemCodes.UnansweredSection, FormSections.IflaInitiatives), (Assert.Single(reading.Problems).Code, reading.Problems[0].Section));
    }
}
