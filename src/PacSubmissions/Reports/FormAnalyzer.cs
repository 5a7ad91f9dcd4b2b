namespace PacSubmissions.Reports;

/// <summary>
/// Walks a document's blocks in order and splits them into the form's questions and answers. A block that reads as a
/// question (bold, heading, left table cell, or plain text that is exactly the question) opens its section; what follows
/// is its answer until the next question. The form's closing instructions and the "prepared by" line close the answer
/// and belong to none. Each question counts once: a later block with the same words is part of an answer.
/// </summary>
internal static class FormAnalyzer
{
    public static FormAnalysis Analyze(IReadOnlyList<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        var sections = new List<(string Key, string Question, List<string> Answer)>();
        var preamble = new List<string>();
        var contactLines = new List<string>();
        List<string>? current = null;
        string? preparedBy = null;
        var words = 0;
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            words += TextCleaner.CountWords(block.Text);
            if (ClosingLines.TryPreparedBy(block.Text, out var name))
            {
                preparedBy ??= name;
                contactLines.Add(block.Text);
                current = null;
                continue;
            }

            if (ClosingLines.IsInstruction(block.Text))
            {
                current = null;
                continue;
            }

            if (FindQuestion(block, sections.Select(s => s.Key).ToHashSet(StringComparer.Ordinal)) is var (key, question, answer))
            {
                current = [];
                if (answer.Length > 0)
                {
                    current.Add(answer);
                }

                sections.Add((key, question, current));
                continue;
            }

            (current ?? preamble).Add(block.Text);
        }

        var found = sections
            .Select(s =>
            {
                var text = string.Join("\n", s.Answer);
                var answered = s.Answer.Count > 0 && !s.Answer.All(NonAnswers.IsNonAnswer);
                return new ReportSection(s.Key, s.Question, answered, TextCleaner.CountWords(text), text);
            })
            .ToList();
        var centreText = found.Where(s => s.Key == FormSections.Centre).Select(s => s.Text).ToList();
        var everywhere = preamble.Concat(found.Select(s => s.Text)).Concat(contactLines).ToList();
        return new FormAnalysis(
            found,
            Problems(found),
            ContactFacts.Institution(centreText.Concat(everywhere)),
            ContactFacts.CentreName(centreText.Concat(everywhere)),
            ContactFacts.Emails(everywhere),
            ContactFacts.Phones(centreText.Concat(everywhere)),
            preparedBy,
            words);
    }

    private static (string Key, string Question, string Answer)? FindQuestion(DocumentBlock block, HashSet<string> seen)
    {
        string? Fresh(string text, bool emphasized) => QuestionMatcher.Match(text, emphasized) is { } key && !seen.Contains(key) ? key : null;

        if (Fresh(block.Text, block.Kind != BlockKind.Text) is { } whole)
        {
            return (whole, block.Text, "");
        }

        if (block.EmphasizedPrefix is { } prefix && Fresh(prefix, emphasized: true) is { } bold)
        {
            return (bold, prefix, TextCleaner.Collapse(block.Text[Math.Min(block.Text.Length, prefix.Length)..]).TrimStart(':', '：', ' '));
        }

        // "Local cooperation: we worked with …" written in plain text.
        var colon = block.Text.IndexOfAny([':', '：']);
        if (colon > 0 && Fresh(block.Text[..colon], emphasized: false) is { } inline)
        {
            return (inline, block.Text[..colon].Trim(), block.Text[(colon + 1)..].Trim());
        }

        return null;
    }

    private static List<ReportProblem> Problems(List<ReportSection> found)
    {
        var problems = new List<ReportProblem>();
        foreach (var key in FormSections.Required)
        {
            var section = found.FirstOrDefault(s => s.Key == key);
            if (section is null)
            {
                problems.Add(new ReportProblem(ProblemCodes.MissingSection,
                    $"The report does not include the question \"{SectionTitles.Of(key)}\".", key));
            }
            else if (!section.Answered)
            {
                problems.Add(new ReportProblem(ProblemCodes.UnansweredSection,
                    section.Text.Length == 0
                        ? $"The question \"{SectionTitles.Of(key)}\" has no answer."
                        : $"The question \"{SectionTitles.Of(key)}\" has no real answer (only \"{Shorten(section.Text)}\").", key));
            }
        }

        return problems;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
