using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>
/// The processor's check result for one upload, as the coordinator's page and status endpoint show it. Until the
/// processor has recorded the upload (with its check), the upload is shown as being checked.
/// </summary>
public sealed class SubmissionChecks(SubmissionStore submissions)
{
    public async Task<(string? Status, IReadOnlyList<UploadProblem> Problems)> FindAsync(SubmissionBlob upload, CancellationToken cancellationToken)
    {
        var recorded = await submissions.FindAsync(upload.Year, upload.CentreId, upload.SubmissionId, cancellationToken);
        if (recorded?.Check is not { } check)
        {
            return (null, []);
        }

        return (SubmissionCheckColumns.StatusName(check.Status),
            [.. check.Problems.Select(p => new UploadProblem(p.Code, p.Message, p.Section))]);
    }
}
