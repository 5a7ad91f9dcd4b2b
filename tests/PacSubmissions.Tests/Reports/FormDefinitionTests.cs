using System.Text;
using System.Text.Json.Nodes;
using PacSubmissions.Forms;
using PacSubmissions.Reports;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reports;

/// <summary>The form as data: the shipped definition, the checks on one, and <c>pac form check</c>.</summary>
public sealed class FormDefinitionTests
{
    private static string ShippedPath => Path.Combine(RepositoryRoot(), "src", "PacSubmissions", "Forms", FormDefinitions.CurrentVersion + ".json");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PacSubmissions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PacSubmissions.sln) is not above the test's folder.");
    }

    private static JsonObject ShippedJson() => JsonNode.Parse(File.ReadAllText(ShippedPath))!.AsObject();

    private static IReadOnlyList<string> ProblemsOf(JsonNode json) =>
        FormDefinitions.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()))).Problems;

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"form-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    [Fact]
    public void TheShippedFormHasItsEightQuestionsInOrderWithTheFirstFiveRequired()
    {
        var form = FormDefinitions.Current;

        Assert.Equal(FormDefinitions.CurrentVersion, form.Version);
        Assert.Equal([FormSections.Centre, FormSections.InternationalCooperation, FormSections.LocalCooperation, FormSections.Workshops,
            FormSections.IflaInitiatives, FormSections.Suggestions, FormSections.Standards, FormSections.OtherComments], form.Keys);
        Assert.Equal(form.Keys.Take(5), form.RequiredKeys);
        Assert.Contains(FormDefinitions.CurrentVersion, FormDefinitions.Versions);
    }

    [Fact]
    public void EveryQuestionIsWordedInIflasSevenLanguages()
    {
        Assert.All(FormDefinitions.Current.Questions, q =>
            Assert.All(FormDefinition.Languages, language => Assert.False(string.IsNullOrWhiteSpace(q.TextIn(language)))));
        Assert.Equal("Coopération locale", FormDefinitions.Current.TitleOf(FormSections.LocalCooperation, "fr"));
        Assert.Equal("Local Cooperation", SectionTitles.Of(FormSections.LocalCooperation));
    }

    [Fact]
    public void TheShippedFileIsTheEmbeddedDefinitionAndPassesItsOwnCheck()
    {
        Assert.Empty(ProblemsOf(ShippedJson()));
    }

    [Fact]
    public void ADefinitionWithAQuestionMissingALanguageADuplicateKeyAndNothingRequiredGetsOneProblemEach()
    {
        var json = ShippedJson();
        var questions = json["questions"]!.AsArray();
        questions[1]!["text"]!.AsObject().Remove("ar");
        questions[2]!["key"] = "centre";
        foreach (var question in questions)
        {
            question!["required"] = false;
        }

        var problems = ProblemsOf(json);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("international-cooperation: text is missing in ar", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"centre\" is used 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no question is required", StringComparison.Ordinal));
    }

    [Fact]
    public void ADefinitionWithoutQuestionsOrWithBrokenJsonIsRefusedWithAReason()
    {
        Assert.Contains("questions", Assert.Single(FormDefinitions.Load(new MemoryStream("{\"version\":\"x\"}"u8.ToArray())).Problems), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", Assert.Single(FormDefinitions.Load(new MemoryStream("{\"version\": "u8.ToArray())).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplatePlaceholderTheReaderWouldTakeForAnAnswerIsAProblem()
    {
        var json = ShippedJson();
        json["template"]!["placeholder"]!["de"] = "Hier schreiben.";

        Assert.Contains("template.placeholder (de) \"Hier schreiben.\" is not one of placeholders", Assert.Single(ProblemsOf(json)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextYearsChangedFormIsANewDefinitionNotNewCode()
    {
        var json = ShippedJson();
        json["version"] = "pac-annual-report-2030";
        var digital = new JsonObject
        {
            ["key"] = "digital-preservation",
            ["required"] = true,
            ["text"] = new JsonObject(FormDefinition.Languages.Select(l => KeyValuePair.Create(l, (JsonNode?)(l == "en" ? "Digital preservation" : $"Digital preservation ({l})")))),
            ["shortForms"] = new JsonArray("digital preservation"),
        };
        json["questions"]!.AsArray().Add(digital);
        var (next, problems) = FormDefinitions.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())));
        Assert.Empty(problems);
        var form = FormText.English;
        var report = TestDocuments.Docx([.. form.Pairs.Take(5).SelectMany(p => new[] { TestDocuments.Bold(p.Question), TestDocuments.Plain(p.Answer) })]);
        var reader = TestDocuments.Reader();

        var thisYear = await reader.ReadAsync(new MemoryStream(report), CancellationToken.None);
        var nextYear = await reader.ReadAsync(new MemoryStream(report), next!, CancellationToken.None);

        Assert.Equal((ReportStatus.Valid, FormDefinitions.CurrentVersion), (thisYear.Status, thisYear.FormVersion));
        Assert.Equal((ReportStatus.Incomplete, "pac-annual-report-2030"), (nextYear.Status, nextYear.FormVersion));
        Assert.Equal(("missing-section", "digital-preservation"), (Assert.Single(nextYear.Problems).Code, nextYear.Problems[0].Section));
        Assert.Contains("\"Digital preservation\"", nextYear.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormCheckAcceptsTheShippedDefinition()
    {
        var (exit, output, error) = await Pac.RunAsync("form", "check", ShippedPath);

        Assert.Equal(0, exit);
        Assert.Contains("is valid (8 questions, 5 required)", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task FormCheckPrintsOneLinePerProblemAndExitsTwo()
    {
        var json = ShippedJson();
        json["version"] = "Next Year";
        json["closingInstructions"] = new JsonArray();
        var path = WriteTemp(json.ToJsonString());

        var (exit, _, error) = await Pac.RunAsync("form", "check", path);

        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("version \"Next Year\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("closingInstructions: the list is empty", StringComparison.Ordinal));
    }
}
