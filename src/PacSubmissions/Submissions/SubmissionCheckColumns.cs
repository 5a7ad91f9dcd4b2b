using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PacSubmissions.Reports;

namespace PacSubmissions.Submissions;

/// <summary>
/// How a <see cref="SubmissionCheck"/> is written into a submission row: plain columns HQ can filter on in Storage
/// Explorer (status, one Answered… flag per question), and short JSON for the lists. Table storage caps a string
/// property at 64 KiB, so the problems list is cut, with a note, long before that.
/// </summary>
internal static class SubmissionCheckColumns
{
    public const string StatusColumn = "CheckStatus";
    public const string ProblemsColumn = "CheckProblems";

    private const int MaxJsonChars = 30_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Write(TableEntity entity, SubmissionCheck check)
    {
        entity[StatusColumn] = StatusName(check.Status);
        entity["Format"] = check.Format;
        entity[ProblemsColumn] = BoundedProblems(check.Problems);
        entity["SectionsFound"] = string.Join(',', check.SectionsFound);
        entity["SectionsAnswered"] = string.Join(',', check.SectionsAnswered);
        foreach (var key in FormSections.All)
        {
            entity[AnsweredColumn(key)] = check.SectionsAnswered.Contains(key);
        }

        entity["Institution"] = check.Institution;
        entity["CentreName"] = check.CentreName;
        entity["PreparedBy"] = check.PreparedBy;
        entity["Emails"] = string.Join(' ', check.Emails);
        entity["Phones"] = JsonSerializer.Serialize(check.Phones, Json);
        entity["Pages"] = check.Pages;
        entity["Words"] = check.Words;
        entity["NeedsReview"] = check.NeedsReview;
    }

    public static SubmissionCheck? Read(TableEntity entity)
    {
        if (entity.GetString(StatusColumn) is not { } status)
        {
            return null;
        }

        return new SubmissionCheck(
            Enum.Parse<ReportStatus>(status, ignoreCase: true),
            entity.GetString("Format") ?? "",
            JsonSerializer.Deserialize<List<ReportProblem>>(entity.GetString(ProblemsColumn) ?? "[]", Json) ?? [],
            Split(entity.GetString("SectionsFound"), ','),
            Split(entity.GetString("SectionsAnswered"), ','),
            entity.GetString("Institution"),
            entity.GetString("CentreName"),
            entity.GetString("PreparedBy"),
            Split(entity.GetString("Emails"), ' '),
            JsonSerializer.Deserialize<List<string>>(entity.GetString("Phones") ?? "[]", Json) ?? [],
            entity.GetInt32("Pages") ?? 0,
            entity.GetInt32("Words") ?? 0)
        {
            // Rows checked before readings could be unsure have no column: nothing was flagged then.
            NeedsReview = entity.GetBoolean("NeedsReview") ?? false,
        };
    }

    /// <summary>The status as the form's documents and JSON output spell it: <c>valid</c>, <c>incomplete</c>, <c>unreadable</c>.</summary>
    public static string StatusName(ReportStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

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
