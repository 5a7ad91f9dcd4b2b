namespace PacSubmissions.Http;

/// <summary>
/// HQ's routes, shared by the function attributes and the links the pages carry. Every one is a function-level route:
/// in Azure it needs a function key (or App Service Authentication in front); the local host asks for the key it prints.
/// </summary>
public static class DashboardRoutes
{
    public const string Campaigns = "dashboard";
    public const string Campaign = "dashboard/{year:int}";
    public const string Centre = "dashboard/{year:int}/centres/{centre}";
    public const string Download = "dashboard/{year:int}/centres/{centre}/versions/{submissionId}/download";
    public const string Action = "dashboard/{year:int}/centres/{centre}/actions/{action}";
    public const string Audit = "dashboard/{year:int}/audit";
    public const string Export = "dashboard/{year:int}/export/{name}";
    public const string Asset = "dashboard-assets/{name}";

    /// <summary>Export names: <c>table.csv</c>, <c>reports.zip</c>, <c>compiled.docx</c>, <c>compiled.html</c>.</summary>
    public static readonly IReadOnlyList<string> ExportNames = ["table.csv", "reports.zip", "compiled.docx", "compiled.html"];
}
