using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics.Colors;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads a PDF's text layer as a person reads the page: PdfPig's layout analysis (Docstrum blocks in the order its
/// reading-order detector gives) keeps columns and table cells apart; lines then join into paragraphs by their spacing,
/// width and boldness, hyphenated line ends are joined, the left cells of a two-column table become labels, right-to-left
/// lines are put in logical order, and page numbers, running headers/footers and a browser's print header are dropped.
/// </summary>
internal static partial class PdfTextReader
{
    /// <summary>Top and bottom share of the page where running headers, footers and page numbers live.</summary>
    private const double MarginShare = 0.09;

    /// <summary>
    /// One line of one layout block. <see cref="ColumnRight"/> and <see cref="ColumnWidth"/> describe the column the
    /// line sits in (every line it overlaps horizontally), which tells a wrapped line (full) from a paragraph's last.
    /// </summary>
    private sealed record Line(string Text, bool Bold, double Size, double Baseline, double Left, double Right, bool InMargin, int Block, bool Label, bool Cell)
    {
        public bool Italic { get; init; }

        /// <summary>The mailto: addresses of the page's link areas over this line.</summary>
        public IReadOnlyList<string> Emails { get; init; } = [];

        public double ColumnRight { get; set; }

        public double ColumnWidth { get; set; }

        public bool Full => Right >= ColumnRight - Math.Max(2 * Size, ColumnWidth * 0.12);
    }

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
            var blockCount = 0;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var lines = ReadLines(document.GetPage(number), document, blockCount);
                    blockCount += lines.Count == 0 ? 0 : lines.Max(l => l.Block) - blockCount + 1;
                    pages.Add(lines);
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
            RemoveRunningHeaders(pages, document.Information.Title);
            if (pages.All(p => p.Count == 0))
            {
                throw new UnreadableReportException(ProblemCodes.NoText,
                    "The PDF has no text layer (it looks like a scan or pictures of pages), so its answers cannot be read. Please upload the document it was made from, or a PDF saved from it.",
                    ReportFormats.Pdf);
            }

            return new DocumentText(ReportFormats.Pdf, Paragraphs(pages), document.NumberOfPages)
            {
                SkippedPages = skipped,
                ActiveContent = ActiveContent.InPdf(document.Structure, cancellationToken),
            };
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

    /// <summary>The page's lines in reading order, block by block, each block's words regrouped into lines by baseline.</summary>
    private static List<Line> ReadLines(Page page, PdfDocument document, int firstBlock)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        // The layout analysis costs tens of milliseconds a page; a page whose lines have no wide gap (no second column,
        // no table, no header set apart) reads the same as one block, top to bottom, for a fraction of that.
        List<List<Word>> blocks = [words];
        HashSet<int> labels = [];
        if (GroupIntoLines(words).Any(HasWideGap))
        {
            var analysed = UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(
                NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList()))
                .OrderBy(b => b.ReadingOrder).ToList();
            labels = TableLabels(analysed);
            blocks = [.. analysed.Select(b => b.TextLines.SelectMany(l => l.Words).ToList())];
        }

        var links = Optional(() => page.GetHyperlinks().Select(h => (Emails: TextCleaner.MailtoAddresses(h.Uri ?? "").ToList(), h.Bounds))
            .Where(h => h.Emails.Count > 0).ToList(), []);
        var type3Bold = Optional(() => PdfType3Fonts.BoldLetters(page, document), []);
        var lines = new List<Line>();
        var height = page.Height;
        for (var index = 0; index < blocks.Count; index++)
        {
            foreach (var group in GroupIntoLines(blocks[index]))
            {
                var letters = group.SelectMany(w => w.Letters).ToList();
                var bold = letters.Count(l => IsBold(l) || type3Bold.Contains(l)) * 2 > letters.Count;
                var size = letters.Count == 0 ? 0 : letters.Average(l => l.PointSize);
                var baseline = Baseline(group[0]);
                var inMargin = baseline > height * (1 - MarginShare) || baseline < height * MarginShare;
                var (left, right) = (group.Min(w => w.BoundingBox.Left), group.Max(w => w.BoundingBox.Right));
                lines.Add(new Line(LineText(group), bold, size, baseline, left, right, inMargin, firstBlock + index, labels.Contains(index), labels.Contains(index - 1))
                {
                    Italic = letters.Count(IsItalic) * 2 > letters.Count,
                    Emails = [.. links.Where(l => l.Bounds.Left < right && l.Bounds.Right > left && l.Bounds.Bottom < baseline + size && l.Bounds.Top > baseline)
                        .SelectMany(l => l.Emails)],
                });
            }
        }

        foreach (var line in lines)
        {
            var column = lines.Where(o => !o.InMargin && o.Left < line.Right && o.Right > line.Left).DefaultIfEmpty(line).ToList();
            line.ColumnRight = column.Max(o => o.Right);
            line.ColumnWidth = line.ColumnRight - column.Min(o => o.Left);
        }

        return lines;
    }

    /// <summary>
    /// Link areas and Type 3 font weights are extras read from the page's annotations and resources; a damaged one of
    /// those costs that extra, never the page's text.
    /// </summary>
    private static T Optional<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return fallback;
        }
    }

    /// <summary>A gap between two words of a line wider than a few spaces: columns, table cells or a header's pieces.</summary>
    private static bool HasWideGap(List<Word> line)
    {
        var ordered = line.OrderBy(w => w.BoundingBox.Left).ToList();
        return ordered.Zip(ordered.Skip(1)).Any(pair =>
            pair.Second.BoundingBox.Left - pair.First.BoundingBox.Right > Math.Max(3 * pair.First.BoundingBox.Height, 12));
    }

    /// <summary>
    /// The blocks that are the left cell of a two-column question/answer table: a block followed in reading order by
    /// one to its right starting at the same height, in at least two rows sharing both columns' left edges.
    /// </summary>
    private static HashSet<int> TableLabels(List<TextBlock> blocks)
    {
        var rows = new List<(int Left, double LeftEdge, double RightEdge)>();
        for (var i = 0; i + 1 < blocks.Count; i++)
        {
            var (left, right) = (blocks[i].BoundingBox, blocks[i + 1].BoundingBox);
            var size = blocks[i].TextLines[0].Words[0].Letters[0].PointSize;
            if (right.Left > left.Right && Math.Abs(left.Top - right.Top) < Math.Max(2, size))
            {
                rows.Add((i, left.Left, right.Left));
            }
        }

        return rows
            .GroupBy(r => (Math.Round(r.LeftEdge / 4), Math.Round(r.RightEdge / 4)))
            .Where(g => g.Count() >= 2)
            .SelectMany(g => g.Select(r => r.Left))
            .ToHashSet();
    }

    private static List<List<Word>> GroupIntoLines(IEnumerable<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(Baseline).ThenBy(w => w.BoundingBox.Left))
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

    /// <summary>
    /// A line's text in logical order. PdfPig gives glyphs as drawn, left to right; an Arabic or Hebrew line is read
    /// right to left, with the runs of Latin letters and digits in it turned back to left to right.
    /// </summary>
    private static string LineText(List<Word> words)
    {
        var letters = words.SelectMany(w => w.Letters).Select(l => l.Value).ToList();
        var rightToLeft = letters.Sum(l => l.Count(IsRightToLeft)) > letters.Sum(l => l.Count(c => char.IsLetter(c) && !IsRightToLeft(c)));
        if (!rightToLeft)
        {
            var text = new StringBuilder();
            foreach (var word in words.OrderBy(w => w.BoundingBox.Left))
            {
                // Chinese and Japanese put no spaces between words; a gap the word extractor saw there is not one.
                if (text.Length > 0 && !(IsCjk(text[^1]) || IsCjk(word.Text[0])))
                {
                    text.Append(' ');
                }

                text.Append(word.Text);
            }

            return TextCleaner.Collapse(Glyphs(text.ToString()));
        }

        var visual = string.Join(" ", words.OrderByDescending(w => w.BoundingBox.Right)
            .Select(w => string.Concat(w.Letters.OrderByDescending(l => l.BoundingBox.Centroid.X).Select(l => l.Value))));
        var logical = LeftToRightRun().Replace(visual, run => new string(run.Value.Reverse().ToArray()));
        return TextCleaner.Collapse(Glyphs(Mirror(logical.Normalize(NormalizationForm.FormKC))));
    }

    /// <summary>
    /// The characters a glyph stands for: a ligature ("ﬁ") as its letters, a soft hyphen, which a PDF only holds where
    /// it was drawn, as a hyphen, and CJK radical or compatibility code points as the ordinary ideographs.
    /// </summary>
    private static string Glyphs(string text)
    {
        if (text.Any(c => c is >= '\uFB00' and <= '\uFB06'))
        {
            text = string.Concat(text.Select(c => c is >= '\uFB00' and <= '\uFB06' ? c.ToString().Normalize(NormalizationForm.FormKC) : c.ToString()));
        }

        return TextCleaner.NormalizeIdeographs(text.Replace('\u00AD', '-'));
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>Brackets drawn in a right-to-left line are the mirrored glyphs of the ones typed.</summary>
    private static string Mirror(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch { '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '«' => '»', '»' => '«', var c => c };
            }
        });

    private static double Baseline(Word word) => word.Letters.Count > 0 ? word.Letters[0].StartBaseLine.Y : word.BoundingBox.Bottom;

    /// <summary>
    /// Bold by the font's flag or name ("Arial-BoldMT", "…-Semibold"), or drawn bold by the producer stroking the filled
    /// glyph outline (how browsers embolden a font that has no bold face).
    /// </summary>
    private static bool IsBold(Letter letter) =>
        letter.FontDetails?.IsBold == true
        || PdfType3Fonts.IsBoldName(letter.FontName ?? "")
        || letter.RenderingMode is TextRenderingMode.FillThenStroke or TextRenderingMode.FillThenStrokeClip;

    private static bool IsItalic(Letter letter) =>
        letter.FontDetails?.IsItalic == true
        || letter.FontName?.Contains("Italic", StringComparison.OrdinalIgnoreCase) == true
        || letter.FontName?.Contains("Oblique", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Drops page numbers in the margins, margin lines that repeat on several pages (running headers and footers), and
    /// a browser's print header and footer, which are there on a one-page PDF too: the page's title, the date and time,
    /// the address it was printed from, set smaller than the body text.
    /// </summary>
    private static void RemoveRunningHeaders(List<List<Line>> pages, string? title)
    {
        var repeated = pages
            .SelectMany((lines, page) => lines.Where(l => l.InMargin).Select(l => (Key: Digits().Replace(TextCleaner.Fold(l.Text), "#"), Page: page)))
            .GroupBy(x => x.Key)
            .Where(g => g.Key.Count(char.IsLetter) >= 3 && g.Select(x => x.Page).Distinct().Count() >= 2)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var body = pages.SelectMany(p => p).Where(l => !l.InMargin).Select(l => l.Size).Order().ToList();
        var bodySize = body.Count == 0 ? 0 : body[body.Count / 2];
        var titleWords = Words(title);
        bool PrintHeader(Line line) =>
            line.Size < bodySize - 0.5
            && (PrintAddress().IsMatch(line.Text) || PrintDate().IsMatch(line.Text) || (titleWords.Length > 0 && (Words(line.Text).SequenceEqual(titleWords) || Unspaced(line.Text) == Unspaced(title))));
        foreach (var lines in pages)
        {
            lines.RemoveAll(l => l.InMargin && (PageNumber().IsMatch(l.Text) || PrintHeader(l)
                || (pages.Count > 1 && repeated.Contains(Digits().Replace(TextCleaner.Fold(l.Text), "#")))));
        }
    }

    /// <summary>
    /// The words of a title in a fixed order: a right-to-left title printed in a left-to-right header keeps its words,
    /// not their order; a Chinese one loses its spaces ("PAC 报告 2021" reads "PAC报告2021"), so they are compared joined too.
    /// </summary>
    private static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. TextCleaner.Fold(text).Split(' ').Order(StringComparer.Ordinal)];

    private static string Unspaced(string? text) => TextCleaner.Fold(text ?? "").Replace(" ", "", StringComparison.Ordinal);

    private static List<DocumentBlock> Paragraphs(List<List<Line>> pages)
    {
        var blocks = new List<DocumentBlock>();
        var text = new StringBuilder();
        var paragraph = new List<Line>();
        Line? previous = null;
        double? pitch = null;
        var sizes = pages.SelectMany(p => p).Where(l => !l.InMargin).Select(l => l.Size).Order().ToList();
        var bodySize = sizes.Count == 0 ? 0 : sizes[sizes.Count / 2];

        void Flush()
        {
            if (previous is not null && text.Length > 0)
            {
                blocks.Add(new DocumentBlock(TextCleaner.Collapse(text.ToString()),
                    previous.Label ? BlockKind.TableLabel : previous.Bold ? BlockKind.Emphasized : BlockKind.Text)
                {
                    // Italic, or set smaller than the body text: how forms print their hints.
                    IsSubdued = paragraph.All(l => l.Italic || l.Size < bodySize - 0.5),
                    LinkedEmails = [.. paragraph.SelectMany(l => l.Emails).Distinct(StringComparer.OrdinalIgnoreCase)],
                });
            }

            text.Clear();
            paragraph.Clear();
            pitch = null;
        }

        foreach (var line in pages.SelectMany(p => p))
        {
            var continues = previous is not null && Continues(previous, line, pitch);
            if (!continues)
            {
                Flush();
            }
            else if (previous is not null && Below(previous, line))
            {
                pitch ??= previous.Baseline - line.Baseline;
            }

            Append(text, line.Text);
            paragraph.Add(line);
            previous = line;
        }

        Flush();
        return blocks;
    }

    private static bool Below(Line previous, Line line) =>
        line.Baseline < previous.Baseline && line.Left < previous.Right && line.Right > previous.Left;

    /// <summary>
    /// Whether a line goes on the paragraph the previous line is in. Below it in the same column: when the gap is a
    /// single-spaced line's, or, for a 1.5 or double spaced paragraph, when the previous line runs to the column's edge
    /// (it wrapped) and the gap matches the paragraph's own line pitch. After a page or column break: when the style
    /// stays and the previous line did not end a sentence. A table's left cell is one label, never joined to other text.
    /// </summary>
    private static bool Continues(Line previous, Line line, double? pitch)
    {
        if (previous.Label || line.Label)
        {
            return previous.Label && line.Label && previous.Block == line.Block;
        }

        if (previous.Cell && line.Block != previous.Block)
        {
            // An answer cell ends with its cell.
            return false;
        }

        if (previous.Bold != line.Bold || previous.Italic != line.Italic || Math.Abs(previous.Size - line.Size) >= 1 || Bullet().IsMatch(line.Text))
        {
            return false;
        }

        if (!Below(previous, line))
        {
            return !line.Bold && !SentenceEnd().IsMatch(previous.Text);
        }

        var gap = previous.Baseline - line.Baseline;
        var size = Math.Max(previous.Size, line.Size);
        if (pitch is { } established)
        {
            return gap < established * 1.15 + 0.5;
        }

        return gap < size * 1.5 || (previous.Full && gap < size * 2.6);
    }

    /// <summary>Joins a line to its paragraph; a word hyphenated at the line's end ("res-" + "tauratrices") is one word again.</summary>
    private static void Append(StringBuilder text, string line)
    {
        if (text.Length > 1 && text[^1] is '-' or '\u00AD' or '\u2010' && char.IsLetter(text[^2]))
        {
            // An address broken at its own hyphen ("pac@slv-" + "example.au") keeps it.
            var joined = text.ToString();
            var word = joined[(joined.LastIndexOf(' ') + 1)..];
            if (line.Length > 0 && char.IsLower(line[0]) && word.IndexOfAny(['@', '/', '.']) < 0)
            {
                text.Length--;
            }
        }
        else if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(line);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*(?:[-–—]\s*)?(?:page|p\.|seite|página|pagina|стр\.?|страница|صفحة|第)?\s*\d{1,4}\s*(?:(?:/|of|de|sur|von|из|页|من)\s*\d{1,4})?\s*(?:页)?\s*(?:[-–—])?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\s*(?:file|https?)://\S+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PrintAddress();

    /// <summary>The date and time a browser prints in its header, in the forms its locales use ("12/1/26, 4:23 PM", "01.12.26, 16:23", "2026/12/1 16:23").</summary>
    [GeneratedRegex(@"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[,\s]+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?\s*$")]
    private static partial Regex PrintDate();

    [GeneratedRegex(@"^\s*(?:[•●▪◦‣·*]|[-–—]\s|\d{1,2}[.)]\s)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"[.!?。！？:;]\s*$")]
    private static partial Regex SentenceEnd();

    /// <summary>A run of left-to-right letters and digits (with the spaces and punctuation inside it) in a right-to-left line.</summary>
    [GeneratedRegex(@"[\p{N}\p{L}-[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]](?:[\p{N}\p{L}\s.,:/@+_\-%-[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]]*[\p{N}\p{L}-[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]])?")]
    private static partial Regex LeftToRightRun();
}
