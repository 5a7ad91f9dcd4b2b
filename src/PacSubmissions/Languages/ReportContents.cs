using System.Globalization;
using PacSubmissions.Forms;

namespace PacSubmissions.Languages;

/// <summary>
/// What a report must contain, in one language: the year whose activities it covers, and the form's questions in order
/// with the required ones marked. The upload page's "What your report must contain" and the invitation e-mail both say
/// it from here, so the page and the e-mail cannot come to disagree.
/// </summary>
public sealed record ReportContents(string ActivitiesYear, string QuestionsIntro, IReadOnlyList<ReportContentsQuestion> Questions)
{
    /// <summary>The contents of a report on <paramref name="form"/> covering <paramref name="activitiesYear"/>, in <paramref name="texts"/>' language.</summary>
    public static ReportContents Of(FormDefinition form, int activitiesYear, Texts texts) =>
        new(string.Format(CultureInfo.InvariantCulture, texts.ActivitiesYear, activitiesYear), texts.QuestionsIntro,
            [.. form.Questions.Select(q => new ReportContentsQuestion(q.Key, q.TextIn(texts.Code), q.Required ? texts.RequiredMark : null, q.HintIn(texts.Code)))]);
}

/// <summary>One question as a coordinator reads it: its text, the "required" mark when it must be answered, and its hint.</summary>
public sealed record ReportContentsQuestion(string Key, string Text, string? RequiredMark, string? Hint)
{
    public bool Required => RequiredMark is not null;

    /// <summary>The question with its mark, as a line of a plain list ("Centre (required)").</summary>
    public string Line => RequiredMark is null ? Text : $"{Text} {RequiredMark}";
}
