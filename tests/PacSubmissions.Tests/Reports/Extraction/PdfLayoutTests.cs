using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.Extraction.ProducedDocuments;

namespace PacSubmissions.Tests.Reports.Extraction;

/// <summary>
/// PDFs as LibreOffice exports and Chromium prints them (sources in Reports/Documents/source) read in the order a person
/// reads them: column by column, cell by cell, paragraphs whole whatever their line spacing, without a browser's print header.
/// </summary>
public sealed class PdfLayoutTests
{
    private static readonly FormText Form = FormText.English;

    [Fact]
    public void TwoColumnPageIsReadColumnByColumnWithSpacedParagraphsWholeAndHyphenationJoined()
    {
        var blocks = Blocks("pdf-two-columns.pdf");

        Assert.Equal(
        [
            "International Cooperation (highlight activities and work the PAC Centre has done in the international preservation and conservation network)",
            "Local Cooperation", "Workshops/trainings/events", "Involvement of the PAC Centre with the IFLA Initiatives", "Suggestions to IFLA HQ",
            "New standards/guidelines/best practices", "Any other comments",
        ], blocks.Where(b => b.Kind == BlockKind.Emphasized).Select(b => b.Text));
        Assert.Equal(14, blocks.Count);
        Assert.All(blocks.Where((_, i) => i % 2 == 1), b => Assert.Equal(BlockKind.Text, b.Kind));

        // Set at 1.5 line spacing, wrapped at "co-operation": one paragraph.
        Assert.StartsWith("The Centre advised the National Library of Fiji", blocks[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("water-damaged paper and bindings.", blocks[1].Text, StringComparison.Ordinal);

        // Double spaced, with "res-" hyphenated at the line's end: one paragraph, one word.
        Assert.Equal("Condition surveys were run for eleven regional libraries in Victoria, and a group of young restauratrices from the university joined the work on the rare books of three of them during the summer months of the year.", blocks[3].Text);

        // The last paragraph of the left column, then the right column from its top.
        Assert.EndsWith("twice a year, would also help.", blocks[9].Text, StringComparison.Ordinal);
        Assert.StartsWith("Our guide to handling wet books", blocks[11].Text, StringComparison.Ordinal);
        Assert.Contains("two-day workshop", blocks[5].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionTableSavedAsPdfGivesEachRowsLabelThenItsAnswer()
    {
        var blocks = Blocks("pdf-question-table.pdf");

        Assert.Equal(
        [
            ("IFLA PAC Centre annual report 2021", BlockKind.Text),
            .. Form.Pairs.SelectMany(p => new[] { (p.Question, BlockKind.TableLabel), (p.Answer, BlockKind.Text) }),
            (Form.PreparedByLine, BlockKind.Text),
        ], blocks.Select(b => (b.Text, b.Kind)));
    }

    [Fact]
    public async Task QuestionTableSavedAsPdfIsReadAsTheWholeForm()
    {
        var reading = await TestDocuments.ReadAsync(Bytes("pdf-question-table.pdf"));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Equal(FormSections.All, reading.Sections.Select(s => s.Key));
        Assert.Equal(Form.Answers, reading.Sections.Select(s => s.Text));
        Assert.Equal("Jane Fletcher", reading.PreparedBy);
    }

    [Theory]
    [InlineData("browser-one-page.pdf")]
    [InlineData("browser-three-pages.pdf")]
    public void BrowserPrintHeaderAndFooterAreNotContent(string file)
    {
        var printed = Blocks(file);

        // The same page printed with --no-pdf-header-footer is the content alone.
        Assert.Equal(Blocks("browser-one-page-bare.pdf").Select(b => (b.Text, b.Kind)), printed.Select(b => (b.Text, b.Kind)));
        Assert.DoesNotContain(printed, b => b.Text.Contains("file:", StringComparison.Ordinal) || b.Text.Contains("PAC report 2021 - Oceania", StringComparison.Ordinal));
        Assert.Equal(Form.Answers[0], printed[1].Text);
    }

    [Fact]
    public void ArabicPrintedByABrowserReadsInLogicalOrder()
    {
        var blocks = Blocks("browser-arabic.pdf");

        Assert.Equal(
        [
            "مركز PAC (المؤسسة المضيفة والبلد ومعلومات الاتصال)",
            "مركز إفلا PAC للعالم العربي، تستضيفه مكتبة الإسكندرية، مصر. البريد الإلكتروني: pac@bibalex-example.org",
            "التعاون الدولي",
            "قدم المركز المشورة لمكتبات المنطقة بشأن ترميم المخطوطات في عام 2021.",
            "التعاون المحلي",
            "أجرى المركز مسحا لحالة المجموعات في إحدى عشرة مكتبة عامة.",
            "ورش العمل والتدريبات والفعاليات",
            "نظم المركز ورشة عمل لمدة يومين حول العناية بالصور الفوتوغرافية لأربعين مشاركا.",
        ], blocks.Select(b => b.Text));
        Assert.Equal(BlockKind.Emphasized, blocks[2].Kind);
    }

    [Fact]
    public void ChinesePrintedByABrowserReadsAsTypedWithItsBoldQuestions()
    {
        var blocks = Blocks("browser-chinese.pdf");

        Assert.Equal("PAC中心（主办机构、国家和联系方式）", blocks[0].Text);
        Assert.Equal("国际图联PAC中心（中国），由中国国家图书馆主办，北京。电子邮件：pac@nlc-example.cn", blocks[1].Text);
        Assert.Equal("无", blocks[^1].Text);
        Assert.Equal(16, blocks.Count);

        // Chromium embeds Noto Sans CJK as Type 3 fonts, which carry their weight only in the font descriptor.
        Assert.All(blocks, (b, i) => Assert.Equal(i % 2 == 0 ? BlockKind.Emphasized : BlockKind.Text, b.Kind));
    }

    [Fact]
    public void ItalicOrSmallerHintsAreSubduedAndMailtoLinksAreLinkedEmails()
    {
        var blocks = Blocks("pdf-hint-link.pdf");

        Assert.Equal(
        [
            ("Local Cooperation", BlockKind.Emphasized, false),
            ("(highlight activities and work your PAC Centre has done in the local preservation and conservation network)", BlockKind.Text, true),
            ("Ran condition surveys for eleven regional libraries in Victoria.", BlockKind.Text, false),
            ("Workshops/trainings/events", BlockKind.Emphasized, false),
            ("(what workshops/trainings/events has the PAC Centre organised?)", BlockKind.Text, true),
            ("A two-day workshop on photographs; write to our coordinator for the programme.", BlockKind.Text, false),
        ], blocks.Select(b => (b.Text, b.Kind, b.IsSubdued)));
        Assert.Equal(["pac@slv-example.au"], blocks[5].LinkedEmails);
        Assert.All(blocks.Take(5), b => Assert.Empty(b.LinkedEmails));
    }

    [Fact]
    public void SyntheticBoldOfAFontWithoutABoldFaceIsEmphasized()
    {
        var blocks = Blocks("browser-synthetic-bold.pdf");

        Assert.Equal(
        [
            ("Local Cooperation", BlockKind.Emphasized),
            ("Ran condition surveys for eleven regional libraries in Victoria.", BlockKind.Text),
            ("Workshops/trainings/events", BlockKind.Emphasized),
            ("Organised a two-day workshop on the care of photographs for 40 participants.", BlockKind.Text),
        ], blocks.Select(b => (b.Text, b.Kind)));
    }

    [Theory]
    [InlineData("\u2F42\u5316\u9057\u4EA7", "文化遗产")] // Kangxi radical "文"
    [InlineData("\u2ED3\u6C5F", "长江")] // radicals supplement "长", which NFKC leaves
    [InlineData("\u2EE9\u6CB3", "黄河")] // radicals supplement "黄"
    [InlineData("\uF914\u6A02", "樂樂")] // compatibility ideograph for "樂"
    [InlineData("图书馆", "图书馆")]
    public void CjkRadicalAndCompatibilityCodePointsReadAsTheOrdinaryIdeographs(string drawn, string typed) =>
        Assert.Equal(typed, TextCleaner.NormalizeIdeographs(drawn));
}
