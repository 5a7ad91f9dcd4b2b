using DocumentFormat.OpenXml;
using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports;

/// <summary>Hostile and broken files: each one a clear problem, never a crash, a hang or a memory blow-up.</summary>
public sealed class HostileFileTests
{
    private static byte[] GoodDocx() =>
        Docx([.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]);

    private static byte[] GoodPdf() =>
        Pdf(FormText.English.Pairs.SelectMany(p => new[] { new PdfLine(p.Question.Split(" (")[0], Bold: true, Gap: 10), new PdfLine(p.Answer) }));

    [Fact]
    public async Task ProgramRenamedAsAReportIsUnsupported() =>
        AssertUnreadable(await ReadAsync(Program()), ProblemCodes.UnsupportedFormat, ReportFormats.Unknown);

    [Fact]
    public async Task LegacyWord97DocumentIsUnsupported() =>
        AssertUnreadable(await ReadAsync(CompoundFile("Root Entry", "WordDocument", "1Table", "\u0005SummaryInformation")), ProblemCodes.UnsupportedFormat, ReportFormats.Ole);

    [Fact]
    public async Task PasswordProtectedWordDocumentIsEncrypted() =>
        AssertUnreadable(await ReadAsync(CompoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces")), ProblemCodes.Encrypted, ReportFormats.Ole);

    [Fact]
    public async Task PasswordProtectedPdfIsEncrypted() =>
        AssertUnreadable(await ReadAsync(EncryptedPdf()), ProblemCodes.Encrypted, ReportFormats.Pdf);

    [Fact]
    public async Task PasswordProtectedOdtIsEncrypted() =>
        AssertUnreadable(await ReadAsync(Odt(OdtPlain("scrambled"), encrypted: true)), ProblemCodes.Encrypted, ReportFormats.Odt);

    [Fact]
    public async Task MacroEnabledDocumentIsRefusedWhateverItsName()
    {
        var docm = Docx(WordprocessingDocumentType.MacroEnabledDocument, [.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) })]);

        AssertUnreadable(await ReadAsync(docm), ProblemCodes.MacroEnabled, ReportFormats.Docx);
    }

    [Fact]
    public async Task ZipBombIsSuspiciousUnderTheDefaultLimits() =>
        AssertUnreadable(await ReadAsync(ZipBomb(48L * 1024 * 1024)), ProblemCodes.SuspiciousArchive, ReportFormats.Zip);

    [Fact]
    public async Task ArchiveExpandingPastTheTotalLimitIsSuspicious() =>
        AssertUnreadable(await ReadAsync(ZipBomb(3 * 1024 * 1024), new ReportReaderOptions { MaxExpandedBytes = 1024 * 1024 }),
            ProblemCodes.SuspiciousArchive, ReportFormats.Zip);

    [Fact]
    public async Task ZipBombWhoseHeaderUnderstatesItsSizeIsNeverInflatedPastTheDeclaredSize()
    {
        // The runtime's zip reader stops an entry at its declared size, so the 200 MB of the part never come out:
        // what is left is a cut-off Word part, reported as damaged.
        var lying = WithDeclaredSize(ZipBomb(200L * 1024 * 1024), "word/document.xml", declared: 1000);

        AssertUnreadable(await ReadAsync(lying), ProblemCodes.Corrupt, ReportFormats.Docx);
    }

    [Fact]
    public async Task ArchiveWithThousandsOfEntriesIsSuspicious() =>
        AssertUnreadable(await ReadAsync(ManyEntriesZip(1500)), ProblemCodes.SuspiciousArchive, ReportFormats.Zip);

    [Fact]
    public async Task WordDocumentWithEntityExpansionIsSuspicious() =>
        AssertUnreadable(await ReadAsync(BillionLaughsDocx()), ProblemCodes.SuspiciousArchive, ReportFormats.Zip);

    [Fact]
    public async Task OdtWithEntityExpansionIsSuspicious() =>
        AssertUnreadable(await ReadAsync(Odt(OdtPlain("&lol9;"), doctype: BillionLaughsDtd)), ProblemCodes.SuspiciousArchive, ReportFormats.Zip);

    [Fact]
    public async Task PdfWithoutATextLayerHasNoText() =>
        AssertUnreadable(await ReadAsync(PdfWithoutText()), ProblemCodes.NoText, ReportFormats.Pdf);

    [Fact]
    public async Task ScannedPdfWithTypedPageNumbersHasNoText() =>
        AssertUnreadable(await ReadAsync(PdfWithoutText(pageNumbers: true)), ProblemCodes.NoText, ReportFormats.Pdf);

    [Fact]
    public async Task TruncatedWordDocumentIsCorrupt()
    {
        var docx = GoodDocx();

        AssertUnreadable(await ReadAsync(docx[..(docx.Length / 2)]), ProblemCodes.Corrupt, ReportFormats.Zip);
    }

    [Fact]
    public async Task TruncatedPdfIsCorrupt()
    {
        var pdf = GoodPdf();

        AssertUnreadable(await ReadAsync(pdf[..(pdf.Length * 2 / 3)]), ProblemCodes.Corrupt, ReportFormats.Pdf);
    }

    [Fact]
    public async Task WordPackageWithAGarbledDocumentPartIsCorrupt()
    {
        var broken = Zip(("[Content_Types].xml", WordContentTypes),
            ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>unclosed"));

        AssertUnreadable(await ReadAsync(broken), ProblemCodes.Corrupt, ReportFormats.Docx);
    }

    [Fact]
    public async Task EmptyFileIsEmpty() =>
        AssertUnreadable(await ReadAsync([]), ProblemCodes.EmptyFile, ReportFormats.Empty);

    [Fact]
    public async Task FileOverTheSizeLimitIsTooLargeAndIsNotReadToItsEnd()
    {
        var stream = new OneWayStream(new byte[64 * 1024], readLimit: 8 * 1024 + 1);
        var reading = await Reader(new ReportReaderOptions { MaxBytes = 4 * 1024 }).ReadAsync(stream, CancellationToken.None);

        AssertUnreadable(reading, ProblemCodes.TooLarge, ReportFormats.Unknown);
        Assert.True(reading.Bytes > 4 * 1024);
    }

    [Fact]
    public async Task SeekableFileOverTheSizeLimitIsTooLargeWithoutReading() =>
        AssertUnreadable(await ReadAsync(GoodDocx(), new ReportReaderOptions { MaxBytes = 1024 }), ProblemCodes.TooLarge, ReportFormats.Unknown);

    [Fact]
    public async Task PdfWithMorePagesThanTheLimitIsTooLarge()
    {
        var pdf = Pdf([new PdfLine("One"), new PdfLine("Two", Page: 2), new PdfLine("Three", Page: 3)]);

        AssertUnreadable(await ReadAsync(pdf, new ReportReaderOptions { MaxPages = 2 }), ProblemCodes.TooLarge, ReportFormats.Pdf);
    }

    [Fact]
    public async Task ReadingThatOverrunsTheTimeoutStopsWithAProblem()
    {
        var reading = await Reader(time: new ExpiredTimeProvider()).ReadAsync(new MemoryStream(GoodPdf()), CancellationToken.None);

        AssertUnreadable(reading, ProblemCodes.TooLarge, ReportFormats.Unknown);
        Assert.Contains("longer than", reading.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonSeekableBlobStreamIsReadInFull()
    {
        var docx = GoodDocx();
        var reading = await Reader().ReadAsync(new OneWayStream(docx), CancellationToken.None);

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Equal(docx.Length, reading.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)), reading.Sha256);
    }

    [Fact]
    public async Task LargeReportSpillsToATempFileAndIsStillRead()
    {
        var padding = new string('x', 5 * 1024 * 1024);
        var docx = Docx([.. FormText.English.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) }), Plain(padding)]);
        var reading = await Reader().ReadAsync(new OneWayStream(docx), CancellationToken.None);

        Assert.Equal(ReportStatus.Valid, reading.Status);
    }

    [Fact]
    public async Task CancellationEscapes()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reader().ReadAsync(new MemoryStream(GoodPdf()), cancelled.Token));
    }

    private static void AssertUnreadable(ReportReading reading, string code, string format)
    {
        Assert.Equal(ReportStatus.Unreadable, reading.Status);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Equal(format, reading.Format);
        Assert.Empty(reading.Sections);
    }

    /// <summary>A blob-like stream: forward only, no length; fails the test if read past <c>readLimit</c>.</summary>
    private sealed class OneWayStream(byte[] bytes, int readLimit = int.MaxValue) : Stream
    {
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Assert.True(position < readLimit, "The reader kept reading past the size limit.");
            var read = Math.Min(Math.Min(count, 4096), bytes.Length - position);
            Array.Copy(bytes, position, buffer, offset, read);
            position += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A clock on which every timer is already due: the reading deadline has passed the moment it is set.</summary>
    private sealed class ExpiredTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = System.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                callback(state);
            }

            return timer;
        }
    }
}
