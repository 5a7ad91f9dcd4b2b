using System.Text.Json.Serialization;
using PacSubmissions.Reports;
using PacSubmissions.Storage;

namespace PacSubmissions.Upload;

/// <summary>
/// One upload as the page and the status endpoint show it: the receipt the upload wrote, and the processor's check
/// once it is there. <see cref="State"/> is <see cref="UploadState.Checking"/> until the submission row carries a check
/// status, or <see cref="UploadState.NotChecked"/> once the upload is marked as one that could not be processed. <see cref="Counts"/> says, in the
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
    UploadState State,
    ReportStatus? CheckStatus,
    IReadOnlyList<UploadProblem> Problems,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Counts = null);

/// <summary>Where an upload's check stands; in JSON <c>checking</c>, <c>checked</c>, <c>not-checked</c>, as the page's script reads it.</summary>
[JsonConverter(typeof(StoredNames.JsonConverter<UploadState>))]
public enum UploadState
{
    Checking,
    Checked,

    /// <summary>Processing failed for good (the poison queue): the file is kept and HQ was told; nothing more will come.</summary>
    NotChecked,
}

/// <summary>A problem the check found: the reader's code, message and section, and <see cref="Text"/> in the page's language.</summary>
public sealed record UploadProblem(string Code, string Message, string? Section, string? Text = null);
