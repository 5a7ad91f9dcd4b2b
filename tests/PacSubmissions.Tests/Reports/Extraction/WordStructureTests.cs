using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.Extraction.WordXml;

namespace PacSubmissions.Tests.Reports.Extraction;

/// <summary>What Word shows a person is what the DOCX reader reads: controls with their tags, no table of contents, text boxes once, no hidden or deleted text.</summary>
public sealed class WordStructureTests
{
    private static readonly FormText Form = FormText.English;

    [Fact]
    public void BlockLevelControlCarriesItsTagAndTellsAPlaceholderFromTypedText()
    {
        var blocks = Blocks(Docx(Bold(Form.Questions[2]) + BlockControl("localCooperation", null)
            + Bold(Form.Questions[3]) + BlockControl("workshops", Form.Answers[3])));

        var placeholder = Assert.Single(blocks, b => b.Text == ClickOrTap);
        Assert.Equal("localCooperation", placeholder.ControlTag);
        Assert.True(placeholder.IsPlaceholder);
        var typed = Assert.Single(blocks, b => b.Text == Form.Answers[3]);
        Assert.Equal("workshops", typed.ControlTag);
        Assert.False(typed.IsPlaceholder);
        Assert.All(blocks.Where(b => b.Kind == BlockKind.Emphasized), b => Assert.Null(b.ControlTag));
    }

    [Fact]
    public void ControlStillFlaggedAsPlaceholderButHoldingOtherTextIsAnAnswer()
    {
        // LibreOffice keeps w:showingPlcHdr when it saves a control whose text was replaced.
        var blocks = Blocks(Docx($"<w:sdt>{ControlProperties("suggestions", showingPlaceholder: true)}<w:sdtContent><w:p>{ControlRun(Form.Answers[5])}</w:p></w:sdtContent></w:sdt>"));

        var answer = Assert.Single(blocks);
        Assert.Equal("suggestions", answer.ControlTag);
        Assert.False(answer.IsPlaceholder);
    }

    [Fact]
    public void RunLevelControlAfterABoldQuestionMarksTheParagraphAsUnanswered()
    {
        var body = $"""<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Prepared by: </w:t></w:r><w:sdt>{ControlProperties("preparedBy", true)}<w:sdtContent>{ControlRun(null)}</w:sdtContent></w:sdt></w:p>"""
            + $"""<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Any other comments: </w:t></w:r><w:sdt>{ControlProperties("otherComments", false)}<w:sdtContent>{ControlRun(Form.Answers[7])}</w:sdtContent></w:sdt></w:p>""";

        var blocks = Blocks(Docx(body));

        Assert.Equal(["preparedBy", "otherComments"], blocks.Select(b => b.ControlTag));
        Assert.Equal([true, false], blocks.Select(b => b.IsPlaceholder));
        Assert.Equal(["Prepared by:", "Any other comments:"], blocks.Select(b => b.EmphasizedPrefix));
        Assert.Equal("Any other comments: " + Form.Answers[7], blocks[1].Text);
    }

    [Fact]
    public void CellLevelControlInAQuestionTableTagsTheAnswerCell()
    {
        string Row(string question, string tag, string? typed) =>
            $"""<w:tr><w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{P(question)}</w:tc><w:sdt>{ControlProperties(tag, typed is null)}<w:sdtContent><w:tc><w:tcPr><w:tcW w:w="6000" w:type="dxa"/></w:tcPr><w:p>{ControlRun(typed)}</w:p></w:tc></w:sdtContent></w:sdt></w:tr>""";
        var table = """<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>"""
            + Row(Form.Questions[4], "ifla", Form.Answers[4]) + Row(Form.Questions[6], "standards", null) + "</w:tbl>";

        var blocks = Blocks(Docx(table));

        Assert.Equal([BlockKind.TableLabel, BlockKind.Text, BlockKind.TableLabel, BlockKind.Text], blocks.Select(b => b.Kind));
        Assert.Equal([null, "ifla", null, "standards"], blocks.Select(b => b.ControlTag));
        Assert.Equal([false, false, false, true], blocks.Select(b => b.IsPlaceholder));
    }

    /// <summary>Word's References > Table of Contents: an sdt in the "Table of Contents" gallery around a TOC field whose entries link to the headings.</summary>
    private static string TableOfContents(bool inGallery)
    {
        var entries = string.Concat(Form.Questions.Take(3).Select((q, i) =>
            $"""<w:p><w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs></w:pPr>{(i == 0 ? """<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>""" : "")}<w:hyperlink w:anchor="_Toc{i}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/><w:noProof/></w:rPr><w:t>{Escape(q)}</w:t></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:tab/></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:instrText xml:space="preserve"> PAGEREF _Toc{i} \h </w:instrText></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:t>{i + 2}</w:t></w:r><w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>"""));
        var field = entries + """<w:p><w:r><w:rPr><w:b/><w:bCs/><w:noProof/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p>""";
        return inGallery
            ? """<w:sdt><w:sdtPr><w:id w:val="-1906824411"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtEndPr><w:rPr><w:b/><w:bCs/><w:noProof/></w:rPr></w:sdtEndPr><w:sdtContent>"""
                + """<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p>""" + field + "</w:sdtContent></w:sdt>"
            : field;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TableOfContentsYieldsNothingAndTheHeadingsAfterItAreRead(bool inGallery)
    {
        var blocks = Blocks(Docx(P("IFLA PAC Centre annual report") + TableOfContents(inGallery)
            + string.Concat(Form.Pairs.Take(3).Select(p => Heading(p.Question) + P(p.Answer)))));

        Assert.Equal(["IFLA PAC Centre annual report", .. Form.Pairs.Take(3).SelectMany(p => new[] { p.Question, p.Answer })], blocks.Select(b => b.Text));
        Assert.DoesNotContain(blocks, b => b.Text.Contains("Contents", StringComparison.Ordinal) || b.Text.Contains("PAGEREF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportWithATableOfContentsReadsTheAnswersUnderItsHeadings()
    {
        var reading = await TestDocuments.ReadAsync(Docx(TableOfContents(inGallery: true)
            + string.Concat(Form.Pairs.Select(p => Heading(p.Question) + P(p.Answer))) + P(Form.PreparedByLine)));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Equal(Form.Answers, reading.Sections.Select(s => s.Text));
    }

    /// <summary>A text box as Word 2016 saves it: DrawingML in mc:Choice, the same text again as VML in mc:Fallback.</summary>
    private static string TextBox(params string[] paragraphs)
    {
        var content = "<w:txbxContent>" + string.Concat(paragraphs.Select(P)) + "</w:txbxContent>";
        return """<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2360930" cy="1404620"/><wp:effectExtent l="0" t="0" r="22860" b="11430"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="217" name="Text Box 2"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr><wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="2360930" cy="1404620"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>"""
            + content
            + """</wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="Text Box 2" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:252pt;margin-top:0;width:185.9pt;height:110.6pt;z-index:251659264" o:gfxdata=""><v:textbox style="mso-fit-shape-to-text:t">"""
            + content
            + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
    }

    [Fact]
    public void TextBoxIsReadOnceAsItsOwnParagraphsNotGluedToTheParagraphAroundIt()
    {
        var blocks = Blocks(Docx($"""<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{Escape(Form.Questions[1])}</w:t></w:r>{TextBox("Highlights of the year:", "Two missions abroad.")}</w:p>""" + P(Form.Answers[1])));

        Assert.Equal([Form.Questions[1], "Highlights of the year:", "Two missions abroad.", Form.Answers[1]], blocks.Select(b => b.Text));
        Assert.Equal(BlockKind.Emphasized, blocks[0].Kind);
    }

    [Fact]
    public void MailtoTargetsOfHyperlinksAndHyperlinkFieldsAreLinkedEmails()
    {
        var body = """<w:p><w:r><w:t xml:space="preserve">Write to </w:t></w:r><w:hyperlink r:id="rId20" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>our coordinator</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"""
            + """<w:p><w:r><w:t xml:space="preserve">Or the </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:conservation@nlb-example.org?subject=PAC%20report" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>conservation team</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"""
            + """<w:p><w:hyperlink r:id="rId21"><w:r><w:t>Our website</w:t></w:r></w:hyperlink></w:p>""";

        var blocks = Blocks(Docx(body, ("rId20", "mailto:j.fletcher@slv-example.au"), ("rId21", "https://www.slv-example.au/pac")));

        Assert.Equal(["Write to our coordinator.", "Or the conservation team", "Our website"], blocks.Select(b => b.Text));
        Assert.Equal(["j.fletcher@slv-example.au"], blocks[0].LinkedEmails);
        Assert.Equal(["conservation@nlb-example.org"], blocks[1].LinkedEmails);
        Assert.Empty(blocks[2].LinkedEmails);
    }

    [Fact]
    public void DeletedRevisionsHiddenRunsAndFieldCodesAreNotText()
    {
        var body = """<w:p><w:r><w:t xml:space="preserve">We trained </w:t></w:r><w:del w:id="1" w:author="Jane Fletcher" w:date="2021-06-30T10:00:00Z"><w:r w:rsidDel="00A1"><w:delText xml:space="preserve">nine </w:delText></w:r></w:del><w:ins w:id="2" w:author="Jane Fletcher" w:date="2021-06-30T10:00:00Z"><w:r><w:t xml:space="preserve">eleven </w:t></w:r></w:ins><w:r><w:t>libraries</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (check with finance)</w:t></w:r><w:r><w:t xml:space="preserve"> in </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2021</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>"""
            + """<w:del w:id="3" w:author="Jane Fletcher" w:date="2021-06-30T10:00:00Z"><w:p><w:r><w:delText>A paragraph struck out in review.</w:delText></w:r></w:p></w:del>""";

        var blocks = Blocks(Docx(body));

        Assert.Equal(["We trained eleven libraries in 2021."], blocks.Select(b => b.Text));
    }

    [Fact]
    public void ItalicOrSmallerRunsAreSubduedThroughDirectFormattingAndStyles()
    {
        var body = """<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>(highlight activities and work)</w:t></w:r></w:p>"""
            + """<w:p><w:pPr><w:pStyle w:val="Hint"/></w:pPr><w:r><w:t>(what workshops has the PAC Centre organised?)</w:t></w:r></w:p>"""
            + """<w:p><w:r><w:rPr><w:rStyle w:val="Emphasis"/></w:rPr><w:t>(i.e. the Risk Register)</w:t></w:r></w:p>"""
            + """<w:p><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>(e.g. gaps in expertise)</w:t></w:r></w:p>"""
            + P(Form.Answers[1])
            + """<w:p><w:r><w:t xml:space="preserve">Mostly plain, </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>partly italic</w:t></w:r></w:p>""";

        var blocks = Blocks(Docx(body));

        Assert.Equal([true, true, true, true, false, false], blocks.Select(b => b.IsSubdued));
    }
}
