using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Dashboard.Pages;

/// <summary>What a centre's page shows: the centre, its row of the table, every version, the newest reading, e-mails, audit.</summary>
public sealed record CentrePageData(
    Campaign Campaign,
    Centre Centre,
    CentreOverview? Row,
    IReadOnlyList<Submission> Versions,
    ReportReading? Reading,
    IReadOnlyList<EmailRecord> Emails,
    IReadOnlyList<AuditEntry> Audit,
    string? ShownLink,
    string? Notice);
