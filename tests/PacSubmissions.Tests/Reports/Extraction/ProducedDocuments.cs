using PacSubmissions.Reports;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Reports.Extraction;

/// <summary>The documents LibreOffice and Chromium made once from the sources in Reports/Documents/source (see its README).</summary>
internal static class ProducedDocuments
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Find(), "tests", "PacSubmissions.Tests", "Reports", "Documents");

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    /// <summary>The blocks the format reader hands to the form analysis, for the file the producer wrote.</summary>
    public static IReadOnlyList<DocumentBlock> Blocks(string file)
    {
        var stream = new MemoryStream(Bytes(file), writable: false);
        var options = new ReportReaderOptions();
        return Path.GetExtension(file) switch
        {
            ".odt" => OdtTextReader.Read(stream, options, CancellationToken.None).Blocks,
            ".docx" => DocxTextReader.Read(stream, options, CancellationToken.None).Blocks,
            ".pdf" => PdfTextReader.Read(stream, options, CancellationToken.None).Blocks,
            _ => throw new ArgumentException($"No reader for {file}", nameof(file)),
        };
    }
}
