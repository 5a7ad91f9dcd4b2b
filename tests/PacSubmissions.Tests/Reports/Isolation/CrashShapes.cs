using System.Text;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports.Isolation;

/// <summary>
/// Small files of the shapes that took the reader's whole process down (stack overflow, exit 134) or kept it busy long
/// after its answer, built here the way the crafted originals are: each a valid container around one absurd structure.
/// </summary>
public static class CrashShapes
{
    /// <summary>A PDF whose only cross-reference is a stream whose /W asks for a field about a gigabyte wide.</summary>
    public static byte[] PdfWithAbsurdXrefWidths() =>
        HandWrittenPdf(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                "<< /Type /XRef /Size 5 /W [1 999999999 2147483647] /Index [0 5] /Root 1 0 R /Length 12 >>\nstream\n\u0001\u0000\u0000\u0001\u0000\u0000\u0001\u0000\u0000\u0001\u0000\u0000\nendstream",
            ],
            crossReferenceStream: 4);

    /// <summary>A one-page PDF whose page draws a form XObject that, through its own resources, draws itself.</summary>
    public static byte[] PdfWithSelfDrawingForm() =>
        HandWrittenPdf(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X0 5 0 R >> /Font << /F1 6 0 R >> >> >>",
                "<< /Length 52 >>\nstream\nBT /F1 12 Tf 72 720 Td (Annual report) Tj ET /X0 Do\nendstream",
                "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X0 5 0 R >> >> /Length 6 >>\nstream\n/X0 Do\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ]);

    /// <summary>A DOCX whose body nests <paramref name="depth"/> custom XML elements around one paragraph.</summary>
    public static byte[] DeeplyNestedDocx(int depth = 25_000) =>
        MinimalDocx(Repeat("""<w:customXml w:element="x">""", depth) + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + Repeat("</w:customXml>", depth));

    /// <summary>A DOCX whose body is <paramref name="depth"/> content controls, each inside the one before.</summary>
    public static byte[] NestedContentControlsDocx(int depth = 100_000) =>
        MinimalDocx(Repeat("<w:sdt><w:sdtContent>", depth) + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + Repeat("</w:sdtContent></w:sdt>", depth));

    /// <summary>An ODT whose content.xml nests <paramref name="depth"/> lists, each in an item of the one before.</summary>
    public static byte[] DeeplyNestedOdt(int depth = 100_000) =>
        Odt(Repeat("<text:list><text:list-item>", depth) + "<text:p>deep</text:p>" + Repeat("</text:list-item></text:list>", depth));

    public static IReadOnlyList<(string Name, byte[] Bytes)> All() =>
    [
        ("absurd-xref-widths.pdf", PdfWithAbsurdXrefWidths()),
        ("self-drawing-form.pdf", PdfWithSelfDrawingForm()),
        ("nested-elements.docx", DeeplyNestedDocx()),
        ("nested-lists.odt", DeeplyNestedOdt()),
        ("nested-content-controls.docx", NestedContentControlsDocx()),
    ];

    public static byte[] MinimalDocx(string body) =>
        Zip(("[Content_Types].xml", WordContentTypes),
            ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""" + body + "</w:body></w:document>"));

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    /// <summary>Objects numbered from 1; a classic xref table and trailer, or a startxref pointing at the given cross-reference stream object.</summary>
    public static byte[] HandWrittenPdf(IReadOnlyList<string> objects, int? crossReferenceStream = null, string trailerExtra = "", string afterEof = "")
    {
        var text = new StringBuilder("%PDF-1.5\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        if (crossReferenceStream is { } number)
        {
            text.Append($"startxref\n{offsets[number - 1]}\n%%EOF\n");
        }
        else
        {
            var xref = Encoding.Latin1.GetByteCount(text.ToString());
            text.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                text.Append($"{offset:D10} 00000 n \n");
            }

            text.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        }

        text.Append(afterEof);
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
