using System.Globalization;
using System.Text.Json;
using PacSubmissions.Reports;
using PacSubmissions.Storage;

namespace PacSubmissions.Submissions;

/// <summary>
/// How a <see cref="SubmissionCheck"/> is written into a submission row: plain columns HQ can filter on in Storage
/// Explorer (status, one Answered… flag per question), and short JSON for the lists. Table storage caps a string
/// property at 64 KiB, so the problems list is cut, with a note, long before that.
/// </summary>
internal static class SubmissionCheckColumns
{
    private const int MaxJsonChars = 30_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(SubmissionRow row, SubmissionCheck check)
    {
        row.CheckStatus = StoredNames.Of(check.Status);
        row.Format = check.Format;
        row.CheckProblems = BoundedProblems(check.Problems);
        row.SectionsFound = string.Join(',', check.SectionsFound);
        row.SectionsAnswered = string.Join(',', check.SectionsAnswered);
        WriteAnswered(row, check.SectionsAnswered);
        row.Institution = check.Institution;
        row.CentreName = check.CentreName;
        row.PreparedBy = check.PreparedBy;
        row.Emails = string.Join(' ', check.Emails);
        row.Phones = JsonSerializer.Serialize(check.Phones, Json);
        row.Pages = check.Pages;
        row.Words = check.Words;
        row.NeedsReview = check.NeedsReview;
    }

    public static SubmissionCheck? Read(SubmissionRow row)
    {
        if (row.CheckStatus is not { } status)
        {
            return null;
        }

        return new SubmissionCheck(
            StoredNames.Parse<ReportStatus>(status, $"Submission {row.PartitionKey}/{row.RowKey}'s {nameof(row.CheckStatus)}"),
            row.Format ?? "",
            JsonSerializer.Deserialize<List<ReportProblem>>(row.CheckProblems ?? "[]", Json) ?? [],
            Split(row.SectionsFound, ','),
            Split(row.SectionsAnswered, ','),
            row.Institution,
            row.CentreName,
            row.PreparedBy,
            Split(row.Emails, ' '),
            JsonSerializer.Deserialize<List<string>>(row.Phones ?? "[]", Json) ?? [],
            row.Pages ?? 0,
            row.Words ?? 0)
        {
            // Rows checked before readings could be unsure have no column: nothing was flagged then.
            NeedsReview = row.NeedsReview ?? false,
        };
    }

    /// <summary>
    /// One flag per question of the current form, named by <see cref="AnsweredColumn"/>; a test holds these to the form's
    /// keys, so a question added to the form fails the build's tests until its column is added here and to the row.
    /// </summary>
    private static void WriteAnswered(SubmissionRow row, IReadOnlyList<string> answered)
    {
        row.AnsweredCentre = answered.Contains(FormSections.Centre);
        row.AnsweredInternationalCooperation = answered.Contains(FormSections.InternationalCooperation);
        row.AnsweredLocalCooperation = answered.Contains(FormSections.LocalCooperation);
        row.AnsweredWorkshops = answered.Contains(FormSections.Workshops);
        row.AnsweredIflaInitiatives = answered.Contains(FormSections.IflaInitiatives);
        row.AnsweredSuggestions = answered.Contains(FormSections.Suggestions);
        row.AnsweredStandards = answered.Contains(FormSections.Standards);
        row.AnsweredOtherComments = answered.Contains(FormSections.OtherComments);
    }

    /// <summary>The row's flag for one question: <c>AnsweredInternationalCooperation</c> for <c>international-cooperation</c>.</summary>
    public static string AnsweredColumn(string sectionKey) =>
        "Answered" + string.Concat(sectionKey.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string BoundedProblems(IReadOnlyList<ReportProblem> problems)
    {
        for (var count = problems.Count; ; count /= 2)
        {
            var kept = problems.Take(count).ToList();
            if (count < problems.Count)
            {
                kept.Add(new ReportProblem(ProblemCodes.MoreProblems,
                    string.Create(CultureInfo.InvariantCulture, $"{problems.Count - count} more problems are listed in the full reading.")));
            }

            var json = JsonSerializer.Serialize(kept, Json);
            if (json.Length <= MaxJsonChars || count == 0)
            {
                return json;
            }
        }
    }

    private static string[] Split(string? value, char separator) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(separator, StringSplitOptions.RemoveEmptyEntries);
}
