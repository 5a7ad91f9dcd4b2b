using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Centres;

namespace PacSubmissions.Forms;

/// <summary>
/// The form as a Word document for one centre, in one of IFLA's languages: each question a heading, its answer a rich
/// text content control tagged with the question's key (showing the hint until the coordinator types), and the
/// centre's contact block filled in from the register. The reader takes a tagged control as that question's answer
/// wherever it ends up, so a report written in the template is read exactly.
/// </summary>
public static class FormTemplate
{
    private const string QuestionStyle = "Heading2";
    private const string PlaceholderStyle = "PlaceholderText";

    /// <summary>The language the template is written in: the one asked for, else the centre's, else English.</summary>
    public static string LanguageFor(string? asked, Centre centre)
    {
        ArgumentNullException.ThrowIfNull(centre);
        var primary = (asked ?? centre.Language).Split('-', '_')[0].ToLowerInvariant();
        return FormDefinition.Languages.Contains(primary) ? primary : "en";
    }

    public static void Write(FormDefinition form, Centre centre, string language, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(centre);
        var rightToLeft = language == "ar";
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        var body = new Body(Paragraph($"{form.Title[language]}: {centre.Name}", "Title", rightToLeft));
        var number = 0;
        foreach (var question in form.Questions)
        {
            body.Append(Paragraph($"{++number}. {question.TextIn(language)}", QuestionStyle, rightToLeft));
            var control = question.Key == Reports.FormSections.Centre
                ? Control(question, number, ContactBlock(centre), showingPlaceholder: false, rightToLeft)
                : Control(question, number, [question.HintIn(language) ?? form.Template.Placeholder[language]], showingPlaceholder: true, rightToLeft);
            body.Append(control);
        }

        body.Append(Paragraph($"{form.Template.PreparedBy[language]}: {centre.CoordinatorName}", null, rightToLeft));
        main.Document = new Document(body);
    }

    /// <summary>What the register knows of the centre, one fact a line, for the first question's answer.</summary>
    private static IReadOnlyList<string> ContactBlock(Centre centre) =>
        [.. new[]
        {
            centre.Name,
            string.Join(", ", new[] { centre.Institution, centre.City, centre.Country }.Where(p => !string.IsNullOrWhiteSpace(p))),
            string.IsNullOrWhiteSpace(centre.CountriesServed) ? "" : centre.CountriesServed.Replace(";", ", ", StringComparison.Ordinal),
            string.Join(", ", new[] { centre.CoordinatorName, centre.CoordinatorEmail }.Where(p => !string.IsNullOrWhiteSpace(p))),
        }.Where(line => line.Length > 0)];

    /// <summary>A rich text control as Word inserts one (alias, tag, id), so the coordinator may type paragraphs, lists and tables into it.</summary>
    private static SdtBlock Control(FormQuestion question, int id, IReadOnlyList<string> lines, bool showingPlaceholder, bool rightToLeft)
    {
        var properties = new SdtProperties(new SdtAlias { Val = question.TextIn("en") }, new Tag { Val = question.Key }, new SdtId { Val = id });
        if (showingPlaceholder)
        {
            properties.Append(new ShowingPlaceholder());
        }

        return new SdtBlock(properties, new SdtContentBlock(lines.Select(line =>
        {
            var run = new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve });
            if (showingPlaceholder)
            {
                run.PrependChild(new RunProperties(new RunStyle { Val = PlaceholderStyle }));
            }

            return new Paragraph(rightToLeft ? new ParagraphProperties(new BiDi()) : new ParagraphProperties(), run);
        })));
    }

    private static Paragraph Paragraph(string text, string? style, bool rightToLeft)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (rightToLeft)
        {
            properties.Append(new BiDi());
        }

        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Styles Styles() => new(
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading("Title", "Title", 0, 32),
        Heading(QuestionStyle, "heading 2", 1, 26),
        new Style(new StyleName { Val = "Placeholder Text" }, new StyleRunProperties(new Color { Val = "666666" }))
        { Type = StyleValues.Character, StyleId = PlaceholderStyle });

    private static Style Heading(string id, string name, int level, int halfPoints) =>
        new(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
}
