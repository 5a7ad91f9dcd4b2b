namespace PacSubmissions.Reports;

/// <summary>The <see cref="ReportReading.Format"/> values: what the bytes turned out to be.</summary>
internal static class ReportFormats
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";
    public const string Odt = "odt";
    public const string Zip = "zip";
    public const string Ole = "ole";
    public const string Empty = "empty";
    public const string Unknown = "unknown";
}
