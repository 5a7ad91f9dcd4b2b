using System.Net;
using PacSubmissions.Languages;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Upload;

/// <summary>The upload page's privacy notice: what is kept, why, for how long (from Privacy:RetentionYears), whom to ask, in each language.</summary>
public sealed class PrivacyNoticeTests
{
    [Theory]
    [InlineData("en", "Your personal data", "They are kept until 5 years after the campaign closes, then deleted.")]
    [InlineData("fr", "Vos données personnelles", "Elles sont conservées jusqu’à 5 ans après la clôture de la campagne, puis supprimées.")]
    [InlineData("es", "Sus datos personales", "Se conservan hasta 5 años después del cierre de la campaña y luego se eliminan.")]
    [InlineData("ru", "Ваши персональные данные", "Они хранятся 5 лет после закрытия кампании, а затем удаляются.")]
    [InlineData("de", "Ihre personenbezogenen Daten", "Sie werden bis 5 Jahre nach Abschluss der Kampagne aufbewahrt und danach gelöscht.")]
    [InlineData("ar", "بياناتكم الشخصية", "يُحتفظ بها حتى مرور 5 سنوات على إغلاق الحملة، ثم تُحذف.")]
    [InlineData("zh", "您的个人信息", "这些信息保存至本年度征集结束后 5 年，随后删除。")]
    public async Task TheUploadPageSaysInItsLanguageWhatIsKeptWhyForHowLongAndWhomToAsk(string language, string title, string howLong)
    {
        await using var site = await UploadSite.StartAsync();
        var texts = Texts.For(language);

        var html = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: language)).Content.ReadAsStringAsync());

        Assert.Contains($"<h2 id=\"privacy-title\">{title}</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"privacy-kept\">{texts.PrivacyWhatIsKept} {texts.PrivacyWhy}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"privacy-how-long\">{howLong}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"privacy-ask\">{texts.PrivacyWhomToAsk} <a href=\"mailto:{TestSettings.HqAddress}\">{TestSettings.HqAddress}</a></p>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"privacy\"", StringComparison.Ordinal) > html.IndexOf("id=\"send\"", StringComparison.Ordinal), "The notice comes after the form.");
    }

    [Fact]
    public async Task HowLongFollowsTheRetentionSettingInTheLanguagesOwnPlural()
    {
        await using var site = await UploadSite.StartAsync(settings: new() { ["Privacy:RetentionYears"] = "2" });

        var english = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());
        var russian = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "ru")).Content.ReadAsStringAsync());
        var arabic = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "ar")).Content.ReadAsStringAsync());

        Assert.Contains("They are kept until 2 years after the campaign closes, then deleted.", english, StringComparison.Ordinal);
        Assert.Contains("Они хранятся 2 года после закрытия кампании, а затем удаляются.", russian, StringComparison.Ordinal);
        Assert.Contains("يُحتفظ بها حتى مرور سنتين على إغلاق الحملة، ثم تُحذف.", arabic, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 1, "1 year")]
    [InlineData("en", 7, "7 years")]
    [InlineData("fr", 1, "1 an")]
    [InlineData("ru", 1, "1 год")]
    [InlineData("ru", 3, "3 года")]
    [InlineData("ru", 11, "11 лет")]
    [InlineData("ru", 21, "21 год")]
    [InlineData("ru", 22, "22 года")]
    [InlineData("ru", 12, "12 лет")]
    [InlineData("ar", 1, "سنة واحدة")]
    [InlineData("ar", 10, "10 سنوات")]
    [InlineData("ar", 11, "11 سنة")]
    [InlineData("de", 1, "1 Jahr")]
    [InlineData("zh", 3, "3 年")]
    public void YearsAreCountedAsTheLanguageCountsThem(string language, int years, string expected) =>
        Assert.Equal(expected, Texts.For(language).Years(years));
}
