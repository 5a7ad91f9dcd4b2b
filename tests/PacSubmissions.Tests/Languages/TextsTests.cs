using System.Reflection;
using PacSubmissions.Languages;
using PacSubmissions.Reports;

namespace PacSubmissions.Tests.Languages;

/// <summary>The one catalogue of what coordinators read: every language, every problem code, every language tag.</summary>
public sealed class TextsTests
{
    private static readonly IReadOnlyList<string> Codes =
        [.. typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    public static TheoryData<string> Languages() => [.. Texts.All.Select(t => t.Code)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryProblemCodeHasItsOwnWordsInEveryLanguage(string language)
    {
        var texts = Texts.For(language);

        var said = Codes.ToDictionary(code => code, code => texts.Problem(code, FormSections.Workshops));

        Assert.All(said, pair => Assert.NotEqual(texts.ProblemOther, pair.Value));
        Assert.Equal(Codes.Count, said.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(texts.ProblemOther, texts.Problem("a-code-from-a-newer-reader", null));
        // The question is named as the form words it in the language.
        Assert.Contains(PacSubmissions.Forms.FormDefinitions.Current.TitleOf(FormSections.Workshops, language), said[ProblemCodes.MissingSection], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTextOfEveryLanguageIsWrittenAndEachLanguageIsItsOwn()
    {
        var properties = typeof(Texts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)).ToList();

        foreach (var texts in Texts.All)
        {
            Assert.All(properties, p => Assert.False(string.IsNullOrWhiteSpace((string?)p.GetValue(texts)), $"{texts.Code}.{p.Name}"));
        }

        Assert.Equal(["en", "fr", "es", "ru", "de", "ar", "zh"], Texts.All.Select(t => t.Code));
        Assert.Equal(["ar"], Texts.All.Where(t => t.RightToLeft).Select(t => t.Code));
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData(" DE-at ", "de")]
    [InlineData("zh_Hans", "zh")]
    [InlineData("en-GB", "en")]
    [InlineData("pt-BR", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ALanguageTagFindsItsLanguageByItsPrimarySubtagElseEnglish(string? tag, string? found)
    {
        Assert.Equal(found, Texts.Find(tag)?.Code);
        Assert.Equal(found ?? "en", Texts.For(tag).Code);
    }
}
