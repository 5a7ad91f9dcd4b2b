namespace PacSubmissions.Http;

/// <summary>
/// HQ's routes, shared by the function attributes and the links the pages carry. Every one is anonymous to the Functions
/// host: the app lets in only a signed-in member of HQ's group (App Service Authentication) or the holder of the
/// dashboard key's session cookie (<c>Dashboard/DashboardAccess</c>, docs/security.md).
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
    public const string Answers = "dashboard/{year:int}/answers";
    public const string Progress = "dashboard/{year:int}/progress";
    public const string Question = "dashboard/{year:int}/questions/{question}";
    public const string Asset = "dashboard-assets/{name}";
    public const string Messages = "dashboard/{year:int}/messages";
    public const string Invitations = "dashboard/{year:int}/invitations";
    public const string SignIn = "dashboard/sign-in";
    public const string SignOut = "dashboard/sign-out";
    public const string Register = "dashboard/centres";
    public const string RegisterAdd = "dashboard/centres/new";
    public const string RegisterEdit = "dashboard/centres/{centre}/edit";
    public const string RegisterActive = "dashboard/centres/{centre}/active";
    public const string RegisterImport = "dashboard/centres/import";
    public const string RegisterApply = "dashboard/centres/import/apply";

    /// <summary>Export names: <c>table.csv</c>, <c>reports.zip</c>, <c>compiled.docx</c>, <c>compiled.html</c>.</summary>
    public static readonly IReadOnlyList<string> ExportNames = ["table.csv", "reports.zip", "compiled.docx", "compiled.html"];
}
