using System.Text.Json;
using Azure.Data.Tables;
using PacSubmissions.Storage;

namespace PacSubmissions.Upload;

/// <summary>
/// Reads the processor's check result from the submission row. The contract with the processor: on the row
/// (partition = year, row key = <c>centre_submissionId</c>) it stores <see cref="StatusProperty"/> (<c>valid</c>,
/// <c>incomplete</c> or <c>unreadable</c>) and <see cref="ProblemsProperty"/>, a JSON array of
/// <c>{"code","message","section"}</c> (the reader's <c>ReportProblem</c>). Until the status is there the upload is
/// shown as being checked.
/// </summary>
public sealed class SubmissionChecks(PacStorage storage)
{
    public const string StatusProperty = "CheckStatus";
    public const string ProblemsProperty = "CheckProblems";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Selected = [StatusProperty, ProblemsProperty];

    public async Task<(string? Status, IReadOnlyList<UploadProblem> Problems)> FindAsync(SubmissionBlob upload, CancellationToken cancellationToken)
    {
        var response = await storage.Table(PacStorage.SubmissionsTable).GetEntityIfExistsAsync<TableEntity>(
            upload.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{upload.CentreId}_{upload.SubmissionId}",
            Selected, cancellationToken);
        if (!response.HasValue || response.Value!.GetString(StatusProperty) is not { Length: > 0 } status)
        {
            return (null, []);
        }

        return (status, ParseProblems(response.Value.GetString(ProblemsProperty)));
    }

    private static List<UploadProblem> ParseProblems(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<UploadProblem>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            // A row written by a newer processor must not break the page: show the status without problem details.
            return [];
        }
    }
}
