using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.Extraction.ProducedDocuments;

namespace PacSubmissions.Tests.Reports.Extraction;

/// <summary>
/// One document written by LibreOffice as ODT and as DOCX (source/odt-styles-changes-frames.fodt): a table of contents
/// (text:table-of-content; in DOCX an sdt of the "Table of Contents" gallery), a question whose bold
/// comes only from a named paragraph style's parent in styles.xml, an italic 9 pt hint style, tracked deletions, a bold
/// character style, a mailto: link and a text box. Both formats must read as LibreOffice shows it.
/// </summary>
public sealed class LibreOfficeStructureTests
{
    [Theory]
    [InlineData("odt-styles-changes-frames.odt")]
    [InlineData("odt-styles-changes-frames.docx")]
    public void TableOfContentsNamedStylesTrackedChangesLinksAndTextBoxesReadAsShown(string file)
    {
        var blocks = Blocks(file);

        Assert.Equal(
        [
            "Local Cooperation",
            "(highlight activities and work your PAC Centre has done in the local network)",
            "We trained eleven libraries.",
            "Workshops: a two-day workshop on photographs.",
            "Contact: our coordinator.",
            "Highlights of the year:",
            "Two missions abroad.",
        ], blocks.Select(b => b.Text));
        Assert.Equal(BlockKind.Emphasized, blocks[0].Kind);
        Assert.All(blocks.Skip(1), b => Assert.Equal(BlockKind.Text, b.Kind));
        Assert.Equal([false, true, false, false, false, false, false], blocks.Select(b => b.IsSubdued));
        Assert.Equal("Workshops:", blocks[3].EmphasizedPrefix);
        Assert.Equal(["pac@slv-example.au"], blocks[4].LinkedEmails);
    }
}
