using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads a PDF's text layer into paragraphs: words into lines, lines into paragraphs by spacing and boldness,
/// page numbers and running headers/footers dropped, and a paragraph cut by a page break joined again.
/// </summary>
internal static partial class PdfTextReader
{
    /// <summary>Top and bottom share of the page where running headers, footers and page numbers live.</summary>
    private const double MarginShare = 0.09;

    private sealed record Line(string Text, bool Bold, double Size, double Baseline, bool InMargin);

    public static DocumentText Read(Stream stream, ReportReaderOptions options, CancellationToken cancellationToken)
    {
        PdfEnd.EnsureComplete(stream);
        try
        {
            stream.Position = 0;
            using var document = PdfDocument.Open(AttachmentOnlyEncryption.Unlock(stream), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > options.MaxPages)
            {
                throw new UnreadableReportException(ProblemCodes.TooLarge,
                    $"The PDF has {document.NumberOfPages} pages; reports over {options.MaxPages} pages are not read.", ReportFormats.Pdf);
            }

            var pages = new List<List<Line>>();
            var skipped = new List<int>();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    pages.Add(ReadLines(document.GetPage(number)));
                }
                catch (Exception exception) when (exception is not (OperationCanceledException or PdfDocumentEncryptedException))
                {
                    // One damaged page (a broken font or content stream) costs that page, not the report.
                    skipped.Add(number);
                    pages.Add([]);
                }
            }

            if (skipped.Count == document.NumberOfPages)
            {
                throw new InvalidDataException("No page of the PDF could be read.");
            }

            // A scan often carries a typed page number or header; with those gone, nothing may be left.
            RemoveRunningHeaders(pages);
            if (pages.All(p => p.Count == 0))
            {
                throw new UnreadableReportException(ProblemCodes.NoText,
                    "The PDF has no text layer (it looks like a scan or pictures of pages), so its answers cannot be read. Please upload the document it was made from, or a PDF saved from it.",
                    ReportFormats.Pdf);
            }

            return new DocumentText(ReportFormats.Pdf, Paragraphs(pages), document.NumberOfPages) { SkippedPages = skipped };
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Encrypted();
        }
        catch (Exception exception) when (exception is not (UnreadableReportException or OperationCanceledException))
        {
            // PdfPig reports damage through many exception types; none of them means anything but "cannot be read".
            if (exception.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
            {
                throw Encrypted();
            }

            throw new UnreadableReportException(ProblemCodes.Corrupt,
                "The PDF is damaged and cannot be read. Please save it again from the original document and upload it.", ReportFormats.Pdf);
        }
    }

    private static UnreadableReportException Encrypted() =>
        new(ProblemCodes.Encrypted,
            "The PDF is password-protected, so it cannot be read. Please upload it again without a password.", ReportFormats.Pdf);

    private static List<Line> ReadLines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        var lines = new List<Line>();
        var height = page.Height;
        foreach (var group in GroupIntoLines(words))
        {
            var ordered = group.OrderBy(w => w.BoundingBox.Left).ToList();
            var letters = ordered.SelectMany(w => w.Letters).ToList();
            var bold = letters.Count(IsBold) * 2 > letters.Count;
            var size = letters.Count == 0 ? 0 : letters.Average(l => l.PointSize);
            var baseline = Baseline(ordered[0]);
            var inMargin = baseline > height * (1 - MarginShare) || baseline < height * MarginShare;
            lines.Add(new Line(TextCleaner.Collapse(string.Join(" ", ordered.Select(w => w.Text))), bold, size, baseline, inMargin));
        }

        return lines;
    }

    private static List<List<Word>> GroupIntoLines(List<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(Baseline))
        {
            var tolerance = Math.Max(1, word.BoundingBox.Height * 0.5);
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(Baseline(line[0]) - Baseline(word)) <= tolerance)
            {
                line.Add(word);
            }
            else
            {
                lines.Add([word]);
            }
        }

        return lines;
    }

    private static double Baseline(Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    private static bool IsBold(Letter letter) =>
        letter.FontDetails?.IsBold == true
        || letter.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true
        || letter.FontName?.Contains("Black", StringComparison.OrdinalIgnoreCase) == true
        || letter.FontName?.Contains("Heavy", StringComparison.OrdinalIgnoreCase) == true
        || letter.FontName?.Contains("Semibold", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Drops page numbers in the margins, and margin lines that repeat on several pages (running headers and footers).</summary>
    private static void RemoveRunningHeaders(List<List<Line>> pages)
    {
        var repeated = pages
            .SelectMany((lines, page) => lines.Where(l => l.InMargin).Select(l => (Key: Digits().Replace(TextCleaner.Fold(l.Text), "#"), Page: page)))
            .GroupBy(x => x.Key)
            .Where(g => g.Key.Count(char.IsLetter) >= 3 && g.Select(x => x.Page).Distinct().Count() >= 2)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var lines in pages)
        {
            lines.RemoveAll(l => l.InMargin && (PageNumber().IsMatch(l.Text) || (pages.Count > 1 && repeated.Contains(Digits().Replace(TextCleaner.Fold(l.Text), "#")))));
        }
    }

    private static List<DocumentBlock> Paragraphs(List<List<Line>> pages)
    {
        var blocks = new List<DocumentBlock>();
        var text = new StringBuilder();
        Line? previous = null;
        var pageBreak = false;

        void Flush()
        {
            if (previous is not null && text.Length > 0)
            {
                blocks.Add(new DocumentBlock(TextCleaner.Collapse(text.ToString()), previous.Bold ? BlockKind.Emphasized : BlockKind.Text));
            }

            text.Clear();
        }

        foreach (var lines in pages)
        {
            foreach (var line in lines)
            {
                var continues = previous is not null
                    && previous.Bold == line.Bold
                    && Math.Abs(previous.Size - line.Size) < 1
                    && !Bullet().IsMatch(line.Text)
                    && (pageBreak
                        ? !line.Bold && !SentenceEnd().IsMatch(previous.Text)
                        : previous.Baseline - line.Baseline < Math.Max(previous.Size, line.Size) * 1.5);
                if (!continues)
                {
                    Flush();
                }

                if (text.Length > 0)
                {
                    var hyphenated = text[^1] == '-' && text.Length > 1 && char.IsLetter(text[^2]);
                    if (!hyphenated)
                    {
                        text.Append(' ');
                    }
                }

                text.Append(line.Text);
                previous = line;
                pageBreak = false;
            }

            pageBreak = true;
        }

        Flush();
        return blocks;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:[-–—]\s*)?(?:page|p\.|seite|página|pagina|стр\.?|страница|صفحة|第)?\s*\d{1,4}\s*(?:(?:/|of|de|sur|von|из|页|من)\s*\d{1,4})?\s*(?:页)?\s*(?:[-–—])?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\s*(?:[•●▪◦‣·*]|[-–—]\s|\d{1,2}[.)]\s)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"[.!?。！？:;]\s*$")]
    private static partial Regex SentenceEnd();
}
