using PacSubmissions.Campaigns;
using PacSubmissions.Languages;

namespace PacSubmissions.Tests.Languages;

/// <summary>Times as a coordinator reads them, in each of the seven languages: in their own zone, and the campaign's zone named plainly.</summary>
public sealed class ShowTimeTests
{
    /// <summary>19:32 in Almaty (UTC+5) on Monday 14 July 2031: 14:32 UTC, 02:32 Anywhere on Earth.</summary>
    private static readonly DateTimeOffset AlmatyEvening = new(2031, 7, 14, 14, 32, 0, TimeSpan.Zero);

    /// <summary>IFLA's deadline: Tuesday 15 July 2031, 23:59:59 Anywhere on Earth, which is Wednesday 16:59 in Almaty.</summary>
    private static readonly DateTimeOffset Deadline = CampaignClock.ToUtc(new DateTime(2031, 7, 15, 23, 59, 59), Campaign.AnywhereOnEarth);

    [Theory]
    [InlineData("en", "Monday, 14 July 2031 at 19:32 (Almaty, UTC+5)")]
    [InlineData("fr", "lundi 14 juillet 2031 à 19:32 (Almaty, UTC+5)")]
    [InlineData("es", "lunes 14 de julio de 2031 a las 19:32 (Almaty, UTC+5)")]
    [InlineData("ru", "14 июля 2031 г. (понедельник), 19:32 (Almaty, UTC+5)")]
    [InlineData("de", "Montag, 14. Juli 2031, um 19:32 Uhr (Almaty, UTC+5)")]
    [InlineData("ar", "يوم الاثنين، 14 يوليو 2031، الساعة 19:32 (Almaty، UTC+5)")]
    [InlineData("zh", "2031年7月14日星期一 19:32（Almaty，UTC+5）")]
    public void AnAlmatyUploadAt1932LocalIsShownAt1932WithItsZone(string language, string expected) =>
        Assert.Equal(expected, ShowTime.Moment(Texts.For(language), AlmatyEvening, "Asia/Almaty", Campaign.AnywhereOnEarth));

    [Theory]
    [InlineData("en", "Tuesday, 15 July 2031 at 23:59 (Anywhere on Earth, UTC\u221212)")]
    [InlineData("fr", "mardi 15 juillet 2031 à 23:59 (partout sur Terre, UTC\u221212)")]
    [InlineData("es", "martes 15 de julio de 2031 a las 23:59 (en cualquier lugar de la Tierra, UTC\u221212)")]
    [InlineData("ru", "15 июля 2031 г. (вторник), 23:59 (в любой точке Земли, UTC\u221212)")]
    [InlineData("de", "Dienstag, 15. Juli 2031, um 23:59 Uhr (überall auf der Erde, UTC\u221212)")]
    [InlineData("ar", "يوم الثلاثاء، 15 يوليو 2031، الساعة 23:59 (أي مكان على الأرض، UTC\u221212)")]
    [InlineData("zh", "2031年7月15日星期二 23:59（全球任何地方，UTC\u221212）")]
    public void AnywhereOnEarthIsNamedPlainlyNotAsItsReversedIanaName(string language, string expected)
    {
        var shown = ShowTime.Deadline(Texts.For(language), Deadline, Campaign.AnywhereOnEarth, readerZone: "");

        Assert.Equal(expected, shown);
        Assert.DoesNotContain("GMT", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Tuesday, 15 July 2031 at 23:59 (Anywhere on Earth, UTC\u221212), which is Wednesday, 16 July 2031 at 16:59 where you are (Almaty, UTC+5)")]
    [InlineData("fr", "mardi 15 juillet 2031 à 23:59 (partout sur Terre, UTC\u221212), soit le mercredi 16 juillet 2031 à 16:59 chez vous (Almaty, UTC+5)")]
    [InlineData("es", "martes 15 de julio de 2031 a las 23:59 (en cualquier lugar de la Tierra, UTC\u221212), es decir, el miércoles 16 de julio de 2031 a las 16:59 en su hora local (Almaty, UTC+5)")]
    [InlineData("ru", "15 июля 2031 г. (вторник), 23:59 (в любой точке Земли, UTC\u221212), то есть 16 июля 2031 г. (среда), 16:59 по вашему времени (Almaty, UTC+5)")]
    [InlineData("de", "Dienstag, 15. Juli 2031, um 23:59 Uhr (überall auf der Erde, UTC\u221212), bei Ihnen (Almaty, UTC+5) am Mittwoch, 16. Juli 2031 um 16:59 Uhr")]
    [InlineData("ar", "يوم الثلاثاء، 15 يوليو 2031، الساعة 23:59 (أي مكان على الأرض، UTC\u221212)، أي يوم الأربعاء، 16 يوليو 2031، الساعة 16:59 بتوقيتك المحلي (Almaty، UTC+5)")]
    [InlineData("zh", "2031年7月15日星期二 23:59（全球任何地方，UTC\u221212），即您当地时间（Almaty，UTC+5）2031年7月16日星期三 16:59")]
    public void ADeadlineShowsTheCoordinatorsOwnTimeBesideTheCampaigns(string language, string expected) =>
        Assert.Equal(expected, ShowTime.Deadline(Texts.For(language), Deadline, Campaign.AnywhereOnEarth, "Asia/Almaty"));

    [Theory]
    [InlineData("Etc/GMT+12", "Etc/GMT+12")]
    // Another zone whose clocks read the same then (Berlin and Paris, both UTC+2 in July): said once.
    [InlineData("Europe/Paris", "Europe/Berlin")]
    public void ADeadlineIsSaidOnceWhereTheCoordinatorsClockReadsAsTheCampaigns(string campaignZone, string readerZone)
    {
        var shown = ShowTime.Deadline(Texts.English, Deadline, campaignZone, readerZone);

        Assert.Equal(ShowTime.At(Texts.English, Deadline, campaignZone), shown);
        Assert.DoesNotContain("where you are", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Kolkata", "UTC+5:30")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires, UTC\u22123")]
    [InlineData("Europe/Amsterdam", "Amsterdam, UTC+2")]
    [InlineData("UTC", "UTC")]
    [InlineData("Etc/GMT-3", "UTC+3")]
    public void ZonesAreNamedByTheirCityAndTheirOffsetThen(string zone, string expectedEnd) =>
        Assert.EndsWith(expectedEnd, ShowTime.ZoneName(Texts.English, zone, AlmatyEvening), StringComparison.Ordinal);

    [Fact]
    public void WithoutTheCoordinatorsZoneAnUploadIsShownInTheCampaignsZone() =>
        Assert.Equal("Monday, 14 July 2031 at 02:32 (Anywhere on Earth, UTC\u221212)", ShowTime.Moment(Texts.English, AlmatyEvening, "", Campaign.AnywhereOnEarth));
}
