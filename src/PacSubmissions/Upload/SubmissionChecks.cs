using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>
/// The processor's check result for one upload, as the coordinator's page and status endpoint show it. Until the
/// processor has recorded the upload (with its check), the upload is shown as being checked.
/// </summary>
public sealed class SubmissionChecks(SubmissionStore submissions)
{
    /// <summary>
    /// The state, the check status once there is one, its problems, and the submission row the processor recorded
    /// (null while it has not).
    /// </summary>
    public async Task<(UploadState State, ReportStatus? Status, IReadOnlyList<UploadProblem> Problems, Submission? Recorded)> FindAsync(SubmissionBlob upload, CancellationToken cancellationToken)
    {
        var recorded = await submissions.FindAsync(upload.Year, upload.CentreId, upload.SubmissionId, cancellationToken);
        if (recorded?.Check is not { } check)
        {
            return (recorded?.Failure is null ? UploadState.Checking : UploadState.NotChecked, null, [], recorded);
        }

        return (UploadState.Checked, check.Status,
            [.. check.Problems.Select(p => new UploadProblem(p.Code, p.Message, p.Section))], recorded);
    }
}
