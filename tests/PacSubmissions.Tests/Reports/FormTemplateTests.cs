using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Centres;
using PacSubmissions.Forms;
using PacSubmissions.Reports;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reports;

/// <summary>The form as a DOCX for a centre (<c>pac form template</c>), read back by the reader, empty and filled in.</summary>
public sealed class FormTemplateTests
{
    private static readonly Centre Reykjavik = new("is-reykjavik", "IFLA PAC Centre for the Nordic Countries", "National and University Library of Iceland",
        "Reykjavík", "Iceland", "Dr. Jane Smith", "jane.smith@landsbokasafn-example.is", "en");

    private static byte[] Template(string language, Centre? centre = null)
    {
        using var memory = new MemoryStream();
        FormTemplate.Write(FormDefinitions.Current, centre ?? Reykjavik, language, memory);
        return memory.ToArray();
    }

    /// <summary>Types an answer into every control but the centre's, as Word leaves a control once someone typed in it.</summary>
    private static byte[] FillIn(byte[] template, Func<string, string> answerFor)
    {
        using var memory = new MemoryStream();
        memory.Write(template);
        using (var document = WordprocessingDocument.Open(memory, isEditable: true))
        {
            foreach (var control in document.MainDocumentPart!.Document!.Body!.Elements<SdtBlock>())
            {
                var key = control.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!;
                if (key == FormSections.Centre)
                {
                    continue;
                }

                control.SdtProperties.GetFirstChild<ShowingPlaceholder>()?.Remove();
                control.SdtContentBlock!.RemoveAllChildren();
                control.SdtContentBlock.Append(new Paragraph(new Run(new Text(answerFor(key)))));
            }
        }

        return memory.ToArray();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ru")]
    [InlineData("de")]
    [InlineData("ar")]
    [InlineData("zh")]
    public async Task AnEmptyTemplateHasEveryQuestionOnlyTheCentresContactsAnswered(string language)
    {
        var reading = await TestDocuments.ReadAsync(Template(language));

        Assert.Equal(FormDefinitions.Current.Keys, reading.Sections.Select(s => s.Key));
        Assert.Equal([FormSections.Centre], reading.Sections.Where(s => s.Answered).Select(s => s.Key));
        Assert.Equal(FormDefinitions.Current.RequiredKeys.Skip(1), reading.Problems.Select(p => p.Section));
        Assert.All(reading.Problems, p => Assert.Equal(ProblemCodes.UnansweredSection, p.Code));
        Assert.Equal("National and University Library of Iceland", reading.Institution);
        Assert.Equal("Dr. Jane Smith", reading.PreparedBy);
        Assert.Contains("jane.smith@landsbokasafn-example.is", reading.Emails);
        Assert.False(reading.NeedsReview);
    }

    [Fact]
    public async Task ATemplateFilledInIsReadExactly()
    {
        var reading = await TestDocuments.ReadAsync(FillIn(Template("de"), key => $"Unsere Arbeit zu {key} im Jahr 2030."));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.All(reading.Sections.Where(s => s.Key != FormSections.Centre), s => Assert.Equal($"Unsere Arbeit zu {s.Key} im Jahr 2030.", s.Text));
        Assert.False(reading.NeedsReview);
    }

    [Fact]
    public async Task AFilledInTemplateIsReadByItsTagsWhenItsQuestionsAreDeletedAndItsAnswersMoved()
    {
        var filled = FillIn(Template("fr"), key => $"Notre travail ({key}) en 2030.");
        using var memory = new MemoryStream();
        memory.Write(filled);
        using (var document = WordprocessingDocument.Open(memory, isEditable: true))
        {
            // What a coordinator may do to the layout: delete every heading and instruction, and put the answers
            // (the tagged controls) in another order, the last one inside a table cell.
            var body = document.MainDocumentPart!.Document!.Body!;
            var controls = body.Elements<SdtBlock>().ToList();
            foreach (var element in body.ChildElements.Where(e => e is not SdtBlock and not SectionProperties).ToList())
            {
                element.Remove();
            }

            controls.ForEach(c => c.Remove());
            controls.Reverse();
            var last = controls[^1];
            foreach (var control in controls.SkipLast(1))
            {
                body.InsertBefore(control, body.GetFirstChild<SectionProperties>());
            }

            body.InsertBefore(new Table(new TableRow(new TableCell(last))), body.GetFirstChild<SectionProperties>());
        }

        var reading = await TestDocuments.ReadAsync(memory.ToArray());

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Equal(FormDefinitions.Current.Keys.Order(StringComparer.Ordinal), reading.Sections.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(reading.Sections.Where(s => s.Key != FormSections.Centre), s => Assert.Equal($"Notre travail ({s.Key}) en 2030.", s.Text));
        Assert.Equal("National and University Library of Iceland", reading.Institution);
    }

    [Fact]
    public async Task FormTemplateWritesTheCentresFormInItsLanguageFromTheRegister()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Get<CentreRegister>().SaveAsync(Reykjavik with { Language = "fr" }, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.docx");

        var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "form", "template", "--centre", Reykjavik.Id, "--output", path);

        Assert.Equal(0, exit);
        Assert.Contains("in fr for IFLA PAC Centre for the Nordic Countries", output, StringComparison.Ordinal);
        var reading = await TestDocuments.ReadAsync(await File.ReadAllBytesAsync(path));
        Assert.Equal("2. Coopération internationale", reading.Sections[1].Question);
        Assert.Equal("Dr. Jane Smith", reading.PreparedBy);
        File.Delete(path);
    }

    [Fact]
    public async Task FormTemplateForAnUnknownCentreOrLanguageSaysSo()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.docx");

        var (unknownCentre, _, centreError) = await Pac.RunWithSettingsAsync(pipeline, null, "form", "template", "--centre", "xx-nowhere", "--output", path);
        var (unknownLanguage, _, languageError) = await Pac.RunWithSettingsAsync(pipeline, null, "form", "template", "--centre", "xx-nowhere", "--language", "pt", "--output", path);

        Assert.Equal(1, unknownCentre);
        Assert.Contains("No centre 'xx-nowhere'", centreError, StringComparison.Ordinal);
        Assert.Equal(1, unknownLanguage);
        Assert.Contains("\"pt\" is not one of the form's languages", languageError, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
