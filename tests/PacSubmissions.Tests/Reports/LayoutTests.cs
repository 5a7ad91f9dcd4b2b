using DocumentFormat.OpenXml;
using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports;

/// <summary>The layouts people really send: bold questions, headings, question/answer tables, numbered short questions, bullets, inline answers.</summary>
public sealed class LayoutTests
{
    private static readonly FormText Form = FormText.English;

    private static OpenXmlElement[] Closing() => [Plain(Form.Instruction), Plain(Form.PreparedByLine)];

    [Fact]
    public async Task BoldQuestionsWithAnswersBelowAreRead()
    {
        var reading = await ReadAsync(Docx([.. Form.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) }), .. Closing()]));

        AssertWholeForm(reading);
    }

    [Fact]
    public async Task WordHeadingQuestionsAreRead()
    {
        var reading = await ReadAsync(Docx([Heading("IFLA PAC Centre annual report 2021", "Heading1"),
            .. Form.Pairs.SelectMany(p => new[] { Heading(p.Question), Plain(p.Answer) }), .. Closing()]));

        AssertWholeForm(reading);
    }

    [Fact]
    public async Task QuestionsInTheLeftColumnOfATableAreRead()
    {
        var reading = await ReadAsync(Docx([QuestionTable([.. Form.Pairs]), .. Closing()]));

        AssertWholeForm(reading);
    }

    [Fact]
    public async Task ShortenedNumberedQuestionsInPlainTextAreRead()
    {
        string[] shortened =
        [
            "1. PAC Centre", "2) International cooperation", "3. Local Cooperation", "4. Workshops, trainings and events",
            "5. Involvement with IFLA initiatives", "6. Suggestions to IFLA HQ", "7. New standards", "VIII. Any other comments:",
        ];
        var reading = await ReadAsync(Docx([.. shortened.Zip(Form.Answers).SelectMany(p => new[] { Plain(p.First), Plain(p.Second) }), .. Closing()]));

        AssertWholeForm(reading);
        Assert.Equal("3. Local Cooperation", reading.Sections[2].Question);
    }

    [Fact]
    public async Task BulletListAnswersAreRead()
    {
        var reading = await ReadAsync(Docx([.. Form.Pairs.SelectMany(p => new[] { Bold(p.Question), Bullet(p.Answer), Bullet("A second point, in 2021.") }), .. Closing()]));

        AssertWholeForm(reading);
        Assert.All(reading.Sections, s => Assert.EndsWith("A second point, in 2021.", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BoldQuestionFollowedByItsAnswerInTheSameParagraphIsSplit()
    {
        string[] questions = ["PAC Centre:", "International Cooperation:", "Local Cooperation:", "Workshops:", "IFLA Initiatives:", "Suggestions:", "Standards:", "Other comments:"];
        var reading = await ReadAsync(Docx([.. questions.Zip(Form.Answers).Select(p => BoldLead(p.First, p.Second)), .. Closing()]));

        AssertWholeForm(reading);
        Assert.Equal(Form.Answers[3], reading.Sections.Single(s => s.Key == FormSections.Workshops).Text);
    }

    [Fact]
    public async Task PlainTextQuestionWithAColonBeforeItsAnswerIsSplit()
    {
        var reading = await ReadAsync(Docx(Plain(Form.Questions[0]), Plain(Form.Answers[0]), Plain("Local cooperation: we trained staff of eleven libraries.")));

        var local = reading.Sections.Single(s => s.Key == FormSections.LocalCooperation);
        Assert.Equal("we trained staff of eleven libraries.", local.Text);
        Assert.True(local.Answered);
    }

    [Fact]
    public async Task HeadingStyleWithALocalisedIdAndBoldParagraphStyleCountAsQuestions()
    {
        var reading = await ReadAsync(Docx([.. Form.Pairs.SelectMany((p, i) => new[] { i % 2 == 0 ? Heading(p.Question, "berschrift1") : Styled(p.Question, "StrongParagraph"), Plain(p.Answer) })]));

        Assert.Equal(FormSections.All, reading.Sections.Select(s => s.Key));
    }

    [Fact]
    public async Task QuestionWordsInsideAnAnswerStayInTheAnswer()
    {
        var reading = await ReadAsync(Docx(
            Bold(Form.Questions[3]), Plain("We organised three events."), Bold("Training"), Plain("Two courses on paper repair."),
            Bold(Form.Questions[0]), Plain(Form.Answers[0])));

        Assert.Equal([FormSections.Workshops, FormSections.Centre], reading.Sections.Select(s => s.Key));
        Assert.Equal("We organised three events.\nTraining\nTwo courses on paper repair.", reading.Sections[0].Text);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("N/A")]
    [InlineData("None.")]
    [InlineData("Nil")]
    [InlineData("Néant")]
    [InlineData("Нет")]
    [InlineData("无")]
    [InlineData("—")]
    public async Task PlaceholderAnswerIsNotAnAnswer(string placeholder)
    {
        var answers = Form.Answers.ToArray();
        answers[2] = placeholder;
        var reading = await ReadAsync(Docx([.. Form.Questions.Zip(answers).SelectMany(p => new[] { Bold(p.First), Plain(p.Second) })]));

        Assert.Equal(ReportStatus.Incomplete, reading.Status);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal((ProblemCodes.UnansweredSection, FormSections.LocalCooperation), (problem.Code, problem.Section));
        Assert.False(reading.Sections.Single(s => s.Key == FormSections.LocalCooperation).Answered);
    }

    [Fact]
    public async Task QuestionWithNothingAfterItIsUnansweredAndALeftOutOneIsMissing()
    {
        var reading = await ReadAsync(Docx(Bold(Form.Questions[0]), Plain(Form.Answers[0]), Bold(Form.Questions[1]), Bold(Form.Questions[2]), Plain(Form.Answers[2])));

        Assert.Equal(ReportStatus.Incomplete, reading.Status);
        Assert.Equal(
            [(ProblemCodes.UnansweredSection, FormSections.InternationalCooperation), (ProblemCodes.MissingSection, FormSections.Workshops), (ProblemCodes.MissingSection, FormSections.IflaInitiatives)],
            reading.Problems.Select(p => (p.Code, p.Section)));
    }

    [Fact]
    public async Task OptionalQuestionsMayBeLeftOutOfAValidReport()
    {
        var reading = await ReadAsync(Docx([.. Form.Pairs.Take(5).SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task PdfAnswerAcrossAPageBreakIsJoinedAndPageNumbersAndRunningHeadersAreDropped()
    {
        var lines = new List<PdfLine>();
        for (var i = 0; i < 4; i++)
        {
            lines.Add(new PdfLine(Form.Questions[i].Split(" (")[0], Bold: true, Gap: 10));
            lines.Add(new PdfLine(Form.Answers[i]));
        }

        lines.Add(new PdfLine("The Centre also organised a second workshop on the care of", Gap: 10));
        lines.Add(new PdfLine("photographs in November, for museum staff.", Page: 2));
        for (var i = 4; i < 8; i++)
        {
            lines.Add(new PdfLine(Form.Questions[i].Split(" (")[0], Bold: true, Page: 2, Gap: 10));
            lines.Add(new PdfLine(Form.Answers[i], Page: 2));
        }

        lines.Add(new PdfLine(Form.PreparedByLine, Page: 2, Gap: 10));
        var reading = await ReadAsync(Pdf(lines, runningHeader: "IFLA PAC Centre for Oceania - Annual report 2021", pageNumbers: true));

        AssertWholeForm(reading);
        Assert.Equal(2, reading.Pages);
        Assert.Contains("second workshop on the care of photographs in November", reading.Sections.Single(s => s.Key == FormSections.Workshops).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reading.Sections, s => s.Text.Contains("Page ", StringComparison.Ordinal) || s.Text.Contains("Annual report 2021", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PdfQuestionWrappedOverTwoLinesIsOneQuestion()
    {
        var reading = await ReadAsync(Pdf(
        [
            new PdfLine("PAC Centre (hosting institution, country and contact", Bold: true),
            new PdfLine("information)", Bold: true),
            new PdfLine(Form.Answers[0], Gap: 8),
            new PdfLine("Local Cooperation (highlight activities and work your PAC Centre has", Bold: true, Gap: 10),
            new PdfLine("done in the local preservation and conservation network)", Bold: true),
            new PdfLine("N/A", Gap: 8),
        ]));

        Assert.Equal([FormSections.Centre, FormSections.LocalCooperation], reading.Sections.Select(s => s.Key));
        Assert.Equal("PAC Centre (hosting institution, country and contact information)", reading.Sections[0].Question);
        Assert.False(reading.Sections[1].Answered);
    }

    [Fact]
    public async Task OdtBoldParagraphsHeadingsTablesListsAndBoldSpansAreRead()
    {
        var pairs = Form.Pairs.ToList();
        var body = OdtBold(pairs[0].Question) + OdtPlain(pairs[0].Answer)
            + OdtHeading(pairs[1].Question) + OdtList(pairs[1].Answer, "A second point.")
            + OdtTable(pairs[2], pairs[3])
            + OdtBoldSpan("IFLA Initiatives:", pairs[4].Answer)
            + string.Concat(pairs.Skip(5).Select(p => OdtHeading(p.Question) + OdtPlain(p.Answer)))
            + OdtPlain(Form.Instruction) + OdtPlain(Form.PreparedByLine);
        var reading = await ReadAsync(Odt(body));

        Assert.Equal(ReportFormats.Odt, reading.Format);
        AssertWholeForm(reading);
        Assert.Equal(Form.Answers[1] + "\nA second point.", reading.Sections[1].Text);
    }

    private static void AssertWholeForm(ReportReading reading)
    {
        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Empty(reading.Problems);
        Assert.Equal(FormSections.All, reading.Sections.Select(s => s.Key));
        Assert.All(reading.Sections, s => Assert.True(s.Answered, s.Key));
        Assert.Equal(Form.Answers, reading.Sections.Select(s => s.Text.Split('\n')[0]));
        Assert.Equal("State Library of Victoria", reading.Institution);
        Assert.Equal("IFLA PAC Centre for Oceania", reading.CentreName);
        Assert.Equal(["pac@slv-example.au"], reading.Emails);
        Assert.Equal(["+61 3 8664 7000"], reading.Phones);
        Assert.Equal("Jane Fletcher", reading.PreparedBy);
        Assert.DoesNotContain(reading.Sections, s => s.Text.Contains("Kindly submit", StringComparison.Ordinal) || s.Text.Contains("prepared by", StringComparison.Ordinal));
        Assert.True(reading.Words > 100);
        Assert.Matches("^[0-9a-f]{64}$", reading.Sha256);
    }
}
