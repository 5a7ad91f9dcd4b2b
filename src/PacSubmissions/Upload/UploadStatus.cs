using System.Text.Json.Serialization;

namespace PacSubmissions.Upload;

/// <summary>
/// One upload as the page and the status endpoint show it: the receipt the upload wrote, and the processor's check
/// once it is there. <see cref="State"/> is <c>checking</c> until the submission row carries a check status, or
/// <c>not-checked</c> once the upload is marked as one that could not be processed. <see cref="Counts"/> says, in the
/// list of a centre's uploads, whether this is the version that counts (<see cref="Submissions.CountingVersion"/>); it
/// is null where only the one upload is known.
/// </summary>
public sealed record UploadStatus(
    string SubmissionId,
    string Centre,
    int Year,
    DateTimeOffset ReceivedAt,
    bool Late,
    string FileName,
    long Bytes,
    string Sha256,
    string State,
    string? CheckStatus,
    IReadOnlyList<UploadProblem> Problems,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Counts = null)
{
    public const string Checking = "checking";
    public const string Checked = "checked";

    /// <summary>Processing failed for good (the poison queue): the file is kept and HQ was told; nothing more will come.</summary>
    public const string NotChecked = "not-checked";
}

/// <summary>A problem the check found: the reader's code, message and section, and <see cref="Text"/> in the page's language.</summary>
public sealed record UploadProblem(string Code, string Message, string? Section, string? Text = null);
