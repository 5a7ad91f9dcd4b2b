namespace PacSubmissions.Exports;

/// <summary>The exports HQ can download, each by the name in its URL (<c>DashboardRoutes.ExportNames</c>).</summary>
public enum CampaignExportKind
{
    Table,
    Reports,
    CompiledDocx,
    CompiledHtml,
}

/// <summary>What an export is called on the wire and on disk.</summary>
public static class CampaignExport
{
    public static CampaignExportKind? FromName(string? name) => name switch
    {
        "table.csv" => CampaignExportKind.Table,
        "reports.zip" => CampaignExportKind.Reports,
        "compiled.docx" => CampaignExportKind.CompiledDocx,
        "compiled.html" => CampaignExportKind.CompiledHtml,
        _ => null,
    };

    public static string ContentType(CampaignExportKind kind) => kind switch
    {
        CampaignExportKind.Table => "text/csv; charset=utf-8",
        CampaignExportKind.Reports => "application/zip",
        CampaignExportKind.CompiledDocx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>The download's file name, e.g. <c>pac-2027-table.csv</c>.</summary>
    public static string FileName(int year, CampaignExportKind kind) => FormattableString.Invariant($"pac-{year}-") + kind switch
    {
        CampaignExportKind.Table => "table.csv",
        CampaignExportKind.Reports => "reports.zip",
        CampaignExportKind.CompiledDocx => "compiled.docx",
        _ => "compiled.html",
    };
}
