using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>
/// Walks a document's blocks in order and splits them into the form's questions and answers, by the form definition's
/// rules. A block that reads as a question (bold, heading, left table cell, or plain text that is exactly the question)
/// opens its section; its hint (bracketed, subdued, or the form's hint text) belongs to it; what follows is its answer
/// until the next question. A Word content control tagged with a question's key is that question's answer wherever it
/// stands. The form's closing instructions, the "prepared by" line, a letter's greeting and signature, and a numbered
/// heading the form does not ask close the answer and belong to none. Each question counts once.
/// </summary>
internal static partial class FormAnalyzer
{
    /// <summary>An answer this short that is not a known non-answer may be one in words the reader does not know.</summary>
    private const int ShortAnswerWords = 3;

    /// <summary>An answer this long has probably swallowed the questions after it.</summary>
    private const int LongAnswerWords = 4000;

    /// <summary>A document with this much text and none of the form's questions is in a layout the reader does not know.</summary>
    private const int UnknownLayoutWords = 30;

    /// <summary>A document this long that shows fewer than half the questions probably has the rest in a layout the reader missed.</summary>
    private const int PartialLayoutWords = 300;

    /// <summary>How much a paragraph under a question must share with the question's hint to be the hint.</summary>
    private const double HintSimilarity = 0.5;

    /// <summary>Less is needed of a paragraph that is printed as a hint (italic or smaller).</summary>
    private const double SubduedHintSimilarity = 0.25;

    private sealed class Section(string key, string question, List<string> answer)
    {
        public string Key { get; } = key;
        public string Question { get; } = question;
        public List<string> Answer { get; } = answer;
    }

    public static FormAnalysis Analyze(IReadOnlyList<DocumentBlock> blocks, CancellationToken cancellationToken) =>
        Analyze(blocks, FormRules.Current, cancellationToken);

    public static FormAnalysis Analyze(IReadOnlyList<DocumentBlock> blocks, FormRules rules, CancellationToken cancellationToken)
    {
        var sections = new List<Section>();
        var preamble = new List<string>();
        var contactLines = new List<string>();
        var linkedEmails = new List<string>();
        var review = new List<ReviewReason>();
        Section? current = null;
        var awaitingHint = false;
        var awaitingName = false;
        var inSignature = false;
        var currentIsHeading = false;
        string? preparedBy = null;
        var words = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            words += TextCleaner.CountWords(block.Text);
            linkedEmails.AddRange(block.LinkedEmails);
            var tagged = block.ControlTag is { } tag ? rules.Form.Question(tag.Trim().ToLowerInvariant())?.Key : null;
            if (block.IsPlaceholder || NonAnswers.IsPlaceholder(block.Text, rules))
            {
                // A control no one filled in: the question is there, unanswered.
                if (tagged is not null && seen.Add(tagged))
                {
                    sections.Add(new Section(tagged, rules.Form.TitleOf(tagged), []));
                }

                continue;
            }

            if (tagged is not null)
            {
                current = sections.FirstOrDefault(s => s.Key == tagged);
                if (current is null)
                {
                    current = new Section(tagged, rules.Form.TitleOf(tagged), []);
                    sections.Add(current);
                    seen.Add(tagged);
                }

                current.Answer.Add(block.Text);
                awaitingHint = false;
                continue;
            }

            if (awaitingName)
            {
                awaitingName = false;
                // The label's empty cell may be followed by the next question: that is no one's name.
                if (block.Kind != BlockKind.Emphasized && QuestionMatcher.Match(block.Text, emphasized: false, rules, seen) is null
                    && ClosingLines.NameOnItsOwn(block.Text) is { } name)
                {
                    preparedBy ??= name;
                    contactLines.Add(block.Text);
                    continue;
                }
            }

            if (ClosingLines.TryPreparedBy(block.Text, rules, out var named))
            {
                preparedBy ??= named;
                awaitingName = named is null;
                contactLines.Add(block.Text);
                current = null;
                continue;
            }

            if (ClosingLines.IsInstruction(block.Text, rules) || ClosingLines.IsGreeting(block.Text, rules))
            {
                current = null;
                continue;
            }

            if (ClosingLines.IsSignOff(block.Text, rules))
            {
                current = null;
                inSignature = true;
                continue;
            }

            if (FindQuestions(block, rules, seen) is { Count: > 0 } found)
            {
                // Two questions under one heading share one answer.
                var answer = new List<string>();
                foreach (var (match, question, inline) in found)
                {
                    seen.Add(match.Key);
                    current = new Section(match.Key, question, answer);
                    sections.Add(current);
                    if (match.Loose)
                    {
                        review.Add(new ReviewReason(ReviewCodes.LooseQuestion,
                            $"The question \"{rules.Form.TitleOf(match.Key)}\" was recognised only by its likeness to the form's wording (\"{Shorten(question)}\").", match.Key));
                    }

                    if (inline.Length > 0 && answer.Count == 0)
                    {
                        answer.Add(inline);
                    }
                }

                awaitingHint = answer.Count == 0;
                currentIsHeading = block.Kind != BlockKind.Text;
                inSignature = false;
                continue;
            }

            // After the question test: the hints of neighbouring questions read alike, their questions do not.
            if (current is not null && awaitingHint && IsHint(block, current.Key, rules))
            {
                continue;
            }

            awaitingHint = false;
            if (inSignature)
            {
                contactLines.Add(block.Text);
                continue;
            }

            if (current is not null && currentIsHeading && block.Kind == BlockKind.Emphasized && IsNumberedHeading(block.Text))
            {
                // "9. Staff changes": a section the form does not ask for. Its text answers nothing, but its contacts count.
                current = null;
            }

            (current?.Answer ?? preamble).Add(block.Text);
        }

        var readings = sections
            .Select(s =>
            {
                var text = string.Join("\n", s.Answer);
                var answered = s.Answer.Count > 0 && !s.Answer.All(a => NonAnswers.IsNonAnswer(a, rules));
                return new ReportSection(s.Key, s.Question, answered, TextCleaner.CountWords(text), text);
            })
            .ToList();
        review.AddRange(Unsure(readings, words, rules));
        foreach (var section in sections.Where(s => s.Answer.Count > 0).DistinctBy(s => s.Answer))
        {
            if (section.Answer.All(a => NonAnswers.IsNonAnswer(a, rules)) && section.Answer.Any(a => NonAnswers.Classify(a, rules) == NonAnswerKind.Loose))
            {
                review.Add(new ReviewReason(ReviewCodes.LooseNonAnswer,
                    $"The answer to \"{rules.Form.TitleOf(section.Key)}\" (\"{Shorten(string.Join(" ", section.Answer))}\") was counted as no answer because it only says there was none; check that it reports nothing.", section.Key));
            }
        }

        var centreText = readings.Where(s => s.Key == FormSections.Centre).Select(s => s.Text).ToList();
        var everywhere = preamble.Concat(readings.Select(s => s.Text).Distinct(StringComparer.Ordinal)).Concat(contactLines).ToList();
        return new FormAnalysis(
            readings,
            Problems(readings, rules),
            ContactFacts.Institution(centreText.Concat(everywhere)),
            ContactFacts.CentreName(centreText.Concat(everywhere)),
            [.. ContactFacts.Emails(everywhere).Concat(linkedEmails).Distinct(StringComparer.OrdinalIgnoreCase)],
            ContactFacts.Phones(centreText.Concat(everywhere)),
            preparedBy,
            words,
            review,
            rules.Form.Version);
    }

    /// <summary>The questions a block opens, with the question as written and any answer typed on its own line.</summary>
    private static List<(QuestionMatch Match, string Question, string Answer)> FindQuestions(DocumentBlock block, FormRules rules, HashSet<string> seen)
    {
        var emphasized = block.Kind != BlockKind.Text;
        if (emphasized && Joined().IsMatch(block.Text))
        {
            // "5. IFLA initiatives / 6. Suggestions": each part is a question of its own.
            var parts = Joined().Split(block.Text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var joint = new List<(QuestionMatch, string, string)>();
            var keys = new HashSet<string>(seen, StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (QuestionMatcher.Match(part, emphasized: true, rules, keys) is { } match)
                {
                    keys.Add(match.Key);
                    joint.Add((match, part, ""));
                }
            }

            if (joint.Count == parts.Count && joint.Count > 1)
            {
                return joint;
            }
        }

        if (QuestionMatcher.Match(block.Text, emphasized, rules, seen) is { } whole)
        {
            var (question, answer) = AfterHint(block.Text);
            return [(whole, question, StripHint(answer, whole.Key, rules))];
        }

        if (block.EmphasizedPrefix is { } prefix && QuestionMatcher.Match(prefix, emphasized: true, rules, seen) is { } bold)
        {
            var rest = TextCleaner.Collapse(block.Text[Math.Min(block.Text.Length, prefix.Length)..]).TrimStart(':', '：', ' ');
            return [(bold, prefix, StripHint(rest, bold.Key, rules))];
        }

        // "Local cooperation: we worked with …" written in plain text.
        var colon = block.Text.IndexOfAny([':', '：']);
        if (colon > 0 && QuestionMatcher.Match(block.Text[..colon], emphasized: false, rules, seen) is { } inline)
        {
            return [(inline, block.Text[..colon].Trim(), StripHint(block.Text[(colon + 1)..].Trim(), inline.Key, rules))];
        }

        return [];
    }

    /// <summary>"Local Cooperation (highlight …) We ran surveys": the question with its bracketed hint, and what was typed after it.</summary>
    private static (string Question, string Answer) AfterHint(string text)
    {
        var open = text.IndexOfAny(['(', '（', '[']);
        if (open < 0)
        {
            return (text, "");
        }

        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '（' or '[' => 1, ')' or '）' or ']' => -1, _ => 0 };
            if (depth == 0)
            {
                var answer = text[(i + 1)..].Trim().TrimStart(':', '：', '.', ' ', '-', '–').Trim();
                return (text[..(i + 1)].Trim(), answer);
            }
        }

        return (text, "");
    }

    /// <summary>An answer typed after the form's hint: the hint (bracketed, or in the form's words) is cut off.</summary>
    private static string StripHint(string answer, string key, FormRules rules)
    {
        if (answer.Length == 0)
        {
            return answer;
        }

        if (answer[0] is '(' or '（' or '[')
        {
            return AfterHint(answer).Answer;
        }

        var words = TextCleaner.WordsOf(answer);
        foreach (var language in Forms.FormDefinition.Languages)
        {
            if (rules.Form.Question(key)?.HintIn(language) is not { } hint)
            {
                continue;
            }

            var hintWords = TextCleaner.WordsOf(TextCleaner.Fold(hint)).Select(m => m.Value).ToList();
            if (hintWords.Count > 0 && words.Count >= hintWords.Count
                && hintWords.Select((w, i) => TextCleaner.Fold(words[i].Value) == w).All(same => same))
            {
                var end = words[hintWords.Count - 1];
                return answer[(end.Index + end.Length)..].TrimStart(')', '）', ']', '.', ':', '：', '?', '？', ' ', '-', '–').Trim();
            }
        }

        return answer;
    }

    /// <summary>The paragraph under a question that explains it: bracketed, or in the hint's words (fewer needed when printed as a hint).</summary>
    private static bool IsHint(DocumentBlock block, string key, FormRules rules)
    {
        var text = block.Text.Trim();
        if (text.Length > 1 && text[0] is '(' or '（' or '[' && text[^1] is ')' or '）' or ']')
        {
            return true;
        }

        var tokens = FormRules.Tokens(text);
        var likeness = rules.Wordings.Where(w => w.Key == key).Select(w => FormRules.Similarity(tokens, w.Hint)).DefaultIfEmpty(0).Max();
        return likeness >= HintSimilarity || (block.IsSubdued && likeness >= SubduedHintSimilarity);
    }

    private static bool IsNumberedHeading(string text) => NumberedHeading().IsMatch(text) && TextCleaner.CountWords(text) <= 12;

    private static IEnumerable<ReviewReason> Unsure(List<ReportSection> readings, int words, FormRules rules)
    {
        if (readings.Count == 0 && words >= UnknownLayoutWords)
        {
            yield return new ReviewReason(ReviewCodes.UnknownLayout,
                $"None of the form's questions was recognised in {words} words of text: the report may be laid out in a way the reader does not know.");
        }
        else if (readings.Count > 0 && readings.Count * 2 < rules.Form.Questions.Count && words >= PartialLayoutWords)
        {
            yield return new ReviewReason(ReviewCodes.UnknownLayout,
                $"Only {readings.Count} of the form's {rules.Form.Questions.Count} questions were recognised in {words} words of text: the others may be there in a layout the reader does not know.");
        }

        foreach (var section in readings.DistinctBy(s => s.Text))
        {
            if (section.Answered && section.Words <= ShortAnswerWords)
            {
                yield return new ReviewReason(ReviewCodes.ShortAnswer,
                    $"The answer to \"{rules.Form.TitleOf(section.Key)}\" is only \"{Shorten(section.Text)}\": the reader could not tell whether it reports anything.", section.Key);
            }
            else if (section.Words > LongAnswerWords)
            {
                yield return new ReviewReason(ReviewCodes.LongAnswer,
                    $"The answer to \"{rules.Form.TitleOf(section.Key)}\" is unusually long ({section.Words} words): a question after it may not have been recognised.", section.Key);
            }
        }
    }

    private static List<ReportProblem> Problems(List<ReportSection> found, FormRules rules)
    {
        var problems = new List<ReportProblem>();
        foreach (var key in rules.Form.RequiredKeys)
        {
            var section = found.FirstOrDefault(s => s.Key == key);
            var title = rules.Form.TitleOf(key);
            if (section is null)
            {
                problems.Add(new ReportProblem(ProblemCodes.MissingSection, $"The report does not include the question \"{title}\".", key));
            }
            else if (!section.Answered)
            {
                problems.Add(new ReportProblem(ProblemCodes.UnansweredSection,
                    section.Text.Length == 0
                        ? $"The question \"{title}\" has no answer."
                        : $"The question \"{title}\" has no real answer (only \"{Shorten(section.Text)}\").", key));
            }
        }

        return problems;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Between two questions in one heading: " / ", " & ", "; ", " and " (in the form's languages).</summary>
    [GeneratedRegex(@"\s+[/&+|]\s+|;\s+|\s+(?:and|et|y|und|и|و)\s+(?=(?:\d{1,2}|[ivx]{1,4})[.)]\s)|\s+(?=(?:\d{1,2}|[IVX]{1,4})[.)]\s)", RegexOptions.IgnoreCase)]
    private static partial Regex Joined();

    [GeneratedRegex(@"^\s*(?:\d{1,2}(?:\.\d{1,2})?|[IVX]{1,4}|[一二三四五六七八九十]{1,2})\s*[.)、．]\s*\S")]
    private static partial Regex NumberedHeading();
}
