namespace PacSubmissions.Reports;

/// <summary>Raised inside the reader when a file cannot be read; <see cref="ReportReader"/> turns it into a problem, never lets it escape.</summary>
internal sealed class UnreadableReportException(string code, string message, string format) : Exception(message)
{
    public string Code { get; } = code;

    public string Format { get; } = format;
}
