namespace PacSubmissions.Reports;

/// <summary>
/// A Word or OpenDocument file with no text at all: pasted scans or photos of pages, or nothing. Its answers cannot be
/// read, which is a different thing to tell its sender than "questions missing".
/// </summary>
internal static class TextPresence
{
    public static DocumentText Require(DocumentText document) =>
        document.Blocks.Any(block => block.Text.Any(char.IsLetterOrDigit))
            ? document
            : throw new UnreadableReportException(ProblemCodes.NoText,
                "The document has no text: its pages are pictures (pasted scans or photos) or empty, so its answers cannot be read. Please upload the document the answers were typed in.",
                document.Format);
}
