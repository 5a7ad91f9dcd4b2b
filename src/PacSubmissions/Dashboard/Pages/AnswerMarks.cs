using PacSubmissions.Overview;

namespace PacSubmissions.Dashboard.Pages;

/// <summary>
/// How the grid shows each <see cref="AnswerMark"/>: a colour (the style sheet's <c>mark-…</c> class), a symbol that
/// tells the marks apart without colour, and the words a screen reader says and a pointer's tooltip shows.
/// </summary>
public static class AnswerMarks
{
    public static readonly IReadOnlyList<(AnswerMark Mark, string Name, string Symbol, string Label)> All =
    [
        (AnswerMark.Answered, "answered", "✓", "Answered"),
        (AnswerMark.NotAnswered, "not-answered", "○", "Not answered"),
        (AnswerMark.Missing, "missing", "✗", "Missing"),
        (AnswerMark.NeedsReview, "needs-review", "?", "Needs review"),
    ];

    public static (AnswerMark Mark, string Name, string Symbol, string Label) Of(AnswerMark mark) => All.First(m => m.Mark == mark);
}
