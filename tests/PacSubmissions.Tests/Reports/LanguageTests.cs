using PacSubmissions.Reports;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports;

/// <summary>The form's questions recognised in each of IFLA's languages, answers in any language.</summary>
public sealed class LanguageTests
{
    public static TheoryData<string> Languages() => new(FormText.All.Select(f => f.Language));

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task BoldQuestionsInEachLanguageAreRead(string language)
    {
        var form = FormText.Of(language);
        var reading = await ReadAsync(Docx([.. form.Pairs.SelectMany(p => new[] { Bold(p.Question), Plain(p.Answer) }), Plain(form.Instruction), Plain(form.PreparedByLine)]));

        AssertForm(form, reading);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TableQuestionsInEachLanguageAreRead(string language)
    {
        var form = FormText.Of(language);
        var reading = await ReadAsync(Docx(QuestionTable([.. form.Pairs]), Plain(form.Instruction), Plain(form.PreparedByLine)));

        AssertForm(form, reading);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task OdtHeadingQuestionsInEachLanguageAreRead(string language)
    {
        var form = FormText.Of(language);
        var reading = await ReadAsync(Odt(string.Concat(form.Pairs.Select(p => OdtHeading(p.Question) + OdtPlain(p.Answer))) + OdtPlain(form.Instruction) + OdtPlain(form.PreparedByLine)));

        AssertForm(form, reading);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ShortenedNumberedQuestionsInEachLanguageAreRead(string language)
    {
        var form = FormText.Of(language);
        var shortened = form.Questions.Select((q, i) => $"{i + 1}. {q.Split('(', '（')[0].Trim()}");
        var reading = await ReadAsync(Docx([.. shortened.Zip(form.Answers).SelectMany(p => new[] { Bold(p.First), Plain(p.Second) }), Plain(form.PreparedByLine)]));

        Assert.Equal(FormSections.All, reading.Sections.Select(s => s.Key));
        Assert.Equal(ReportStatus.Valid, reading.Status);
    }

    private static void AssertForm(FormText form, ReportReading reading)
    {
        Assert.Equal(FormSections.All, reading.Sections.Select(s => s.Key));
        Assert.Equal(form.Questions, reading.Sections.Select(s => s.Question));
        Assert.Equal(form.Answers, reading.Sections.Select(s => s.Text));
        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Empty(reading.Problems);
        // Placeholders ("Néant", "Нет", "لا يوجد", "无" …) in the optional questions are not answers; everything else is.
        Assert.Equal(form.Answers.Select(a => !IsPlaceholder(a)), reading.Sections.Select(s => s.Answered));
        Assert.Equal(form.PreparedBy, reading.PreparedBy);
        Assert.NotNull(reading.Institution);
        Assert.Contains(form.InstitutionWord, reading.Institution, StringComparison.Ordinal);
        Assert.Single(reading.Emails);
        Assert.DoesNotContain(reading.Sections, s => s.Text.Contains(form.Instruction, StringComparison.Ordinal));
    }

    private static bool IsPlaceholder(string answer) =>
        answer is "Néant" or "N/A" or "Ninguno" or "Нет" or "-" or "Keine" or "Keine Anmerkungen" or "لا يوجد" or "لا شيء" or "无";
}
