using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Forms;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads one report (DOCX, PDF or ODT, decided from the bytes) into a <see cref="ReportReading"/>: the form's answers,
/// the contact facts, and the problems. A bad file never throws: it comes back <see cref="ReportStatus.Unreadable"/>
/// with a problem code. Only cancellation escapes. Size, parts, pages and time are bounded by <see cref="ReportReaderOptions"/>.
/// </summary>
public sealed partial class ReportReader(IOptions<ReportReaderOptions> options, TimeProvider timeProvider, ILogger<ReportReader> logger)
{
    private readonly ReportReaderOptions limits = options.Value;

    /// <summary>Reads the report against the current form (<see cref="FormDefinitions.Current"/>).</summary>
    public Task<ReportReading> ReadAsync(Stream content, CancellationToken cancellationToken) =>
        ReadAsync(content, FormDefinitions.Current, cancellationToken);

    /// <summary>Reads the report against the given form definition: a campaign's own version (<see cref="Campaigns.Campaign.FormVersion"/>).</summary>
    public async Task<ReportReading> ReadAsync(Stream content, FormDefinition form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(form);
        await using var spooled = await SpooledContent.CopyAsync(content, limits.MaxBytes, cancellationToken);
        if (spooled.TooLarge)
        {
            return Unreadable(spooled, new UnreadableReportException(ProblemCodes.TooLarge,
                $"The file is larger than the {FormatSize(limits.MaxBytes)} a report may be. Please reduce its pictures or upload them separately.",
                ReportFormats.Unknown));
        }

        if (spooled.Bytes == 0)
        {
            return Unreadable(spooled, new UnreadableReportException(ProblemCodes.EmptyFile,
                "The file is empty (0 bytes): the upload or the saving went wrong. Please upload the report again.", ReportFormats.Empty));
        }

        using var deadline = new CancellationTokenSource(limits.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            // Parsing is CPU-bound library code; running it apart lets the deadline win even over a loop that never checks it.
            var document = await Task.Run(() => Parse(spooled.Stream, linked.Token), linked.Token)
                .WaitAsync(limits.Timeout, timeProvider, cancellationToken);
            var analysis = FormAnalyzer.Analyze(document.Blocks, FormRules.For(form), linked.Token);
            LogRead(logger, document.Format, spooled.Bytes, analysis.Status, analysis.Sections.Count);
            return ActiveContent.Note(document, SkippedPages.Note(document, new ReportReading(document.Format, spooled.Bytes, spooled.Sha256, analysis.Status, analysis.Problems, analysis.Sections,
                analysis.Institution, analysis.CentreName, analysis.Emails, analysis.Phones, analysis.PreparedBy, document.Pages, analysis.Words)
            {
                FormVersion = analysis.FormVersion,
                ReviewReasons = analysis.Review,
            }));
        }
        catch (UnreadableReportException exception)
        {
            return Unreadable(spooled, exception);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Unreadable(spooled, new UnreadableReportException(ProblemCodes.TooLarge,
                $"The file took longer than {limits.Timeout.TotalSeconds:0} seconds to read, so reading was stopped. It may be very large or built to be slow to read.",
                ReportFormats.Unknown));
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException))
        {
            // The document libraries signal damage in more ways than they document; a bad file must still come back as a problem.
            LogUnexpected(logger, exception);
            return Unreadable(spooled, new UnreadableReportException(ProblemCodes.Corrupt,
                "The file is damaged and cannot be read. Please save it again from the original document and upload it.", ReportFormats.Unknown));
        }
    }

    private DocumentText Parse(Stream stream, CancellationToken cancellationToken) =>
        FormatSniffer.Sniff(stream) switch
        {
            ReportFormats.Pdf => PdfTextReader.Read(stream, limits, cancellationToken),
            ReportFormats.Ole => throw CompoundFileInspector.Classify(stream),
            ReportFormats.Zip => TextPresence.Require(ZipInspector.Inspect(stream, limits, cancellationToken) switch
            {
                ReportFormats.Odt => OdtTextReader.Read(stream, limits, cancellationToken),
                _ => DocxTextReader.Read(DanglingRelationships.Remove(stream, limits), limits, cancellationToken) with
                {
                    ActiveContent = ActiveContent.InWordPackage(stream, limits),
                },
            }),
            _ => throw new UnreadableReportException(ProblemCodes.UnsupportedFormat,
                "This is not a Word, OpenDocument or PDF document (it may be a program or another kind of file, whatever its name says). Please upload the report as .docx, .odt or PDF.",
                ReportFormats.Unknown),
        };

    private ReportReading Unreadable(SpooledContent spooled, UnreadableReportException exception)
    {
        LogUnreadable(logger, exception.Format, spooled.Bytes, exception.Code);
        return UnreadableReading(exception.Format, spooled.Bytes, spooled.Sha256, new ReportProblem(exception.Code, exception.Message));
    }

    /// <summary>The reading of a file that could not be read: its format as far as known, its size and hash, and why.</summary>
    internal static ReportReading UnreadableReading(string format, long bytes, string sha256, ReportProblem problem) =>
        new(format, bytes, sha256, ReportStatus.Unreadable, [problem], [], null, null, [], [], null, 0, 0);

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    [LoggerMessage(Level = LogLevel.Information, Message = "Read a {Format} report of {Bytes} bytes: {Status}, {Sections} questions found")]
    private static partial void LogRead(ILogger logger, string format, long bytes, ReportStatus status, int sections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A report could not be read: the document library failed on it")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read a {Format} report of {Bytes} bytes: {Code}")]
    private static partial void LogUnreadable(ILogger logger, string format, long bytes, string code);
}
