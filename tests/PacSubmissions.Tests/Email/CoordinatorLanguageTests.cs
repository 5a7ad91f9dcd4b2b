using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Reminders;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// Every e-mail a coordinator can get, in each of IFLA's seven languages: written wholly in that language, problems
/// named from the upload page's catalogue, dates phrased as the language says them, and no library or reader text.
/// </summary>
public sealed partial class CoordinatorLanguageTests
{
    public static readonly string[] Languages = ["en", "fr", "es", "ru", "de", "ar", "zh"];

    public static readonly string[] Kinds =
    [
        "reminder", "late-notice", "last-late-notice", "receipt-with-problems", "receipt-without-problems",
        "receipt-not-checked", "receipt-without-campaign", "link-reported", "link-not-yet", "link-late",
    ];

    /// <summary>What the reader and the libraries under it say: English, technical, never for a coordinator.</summary>
    private const string LibraryMessage = "End of Central Directory record could not be found.";

    private static readonly Campaign Campaign = CampaignScenario.Campaign;

    private static readonly CoordinatorEmails Emails = new(new UploadLinks(
        Options.Create(new LinkOptions { SigningSecret = new string('s', 40), PublicBaseUrl = "https://pac.example.org" }), TimeProvider.System));

    /// <summary>One problem of every code the reader and processor give, and one code the catalogue has never seen.</summary>
    private static readonly ReportReading EveryProblem = CampaignScenario.IncompleteReading with
    {
        Problems =
        [
            .. typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string)f.GetValue(null)!)
                .Select(code => new ReportProblem(code, $"{LibraryMessage} ({code})",
                    code is ProblemCodes.MissingSection or ProblemCodes.UnansweredSection ? FormSections.Workshops : null)),
            new ReportProblem("a-code-from-a-newer-reader", LibraryMessage),
        ],
    };

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in Kinds)
        {
            foreach (var language in Languages)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public void EveryCoordinatorEmailIsWhollyInTheCentresLanguage(string kind, string language)
    {
        var centre = CampaignScenario.Early with { Language = language };

        var email = Render(kind, centre);

        var all = email.Subject + "\n" + email.Text + "\n" + email.Html;
        Assert.DoesNotContain(LibraryMessage, all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("{", email.Text, StringComparison.Ordinal);
        if (kind != "receipt-without-campaign")
        {
            Assert.Contains("/api/upload/", email.Text, StringComparison.Ordinal);
        }

        if (language == "en")
        {
            return;
        }

        var own = CoordinatorTexts.For(language);
        foreach (var sentence in EnglishSentences(own, UploadTexts.Find(language)!))
        {
            Assert.DoesNotContain(sentence, email.Text, StringComparison.OrdinalIgnoreCase);
        }

        // Dates are written in the language: no English month or weekday (German's August is its own).
        var english = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        var ownNames = own.Culture().DateTimeFormat;
        foreach (var name in english.MonthNames.Concat(english.DayNames).Where(n => n.Length > 0)
            .Except(ownNames.MonthNames.Concat(ownNames.MonthGenitiveNames).Concat(ownNames.DayNames)))
        {
            Assert.DoesNotContain(name, email.Text, StringComparison.Ordinal);
        }

        Assert.StartsWith(own.Greeting.Split("{0}")[0], email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "is due on Tuesday, 15 July 2031 at 23:59 (Pacific/Auckland).", "until Thursday, 14 August 2031 at 23:59 (Pacific/Auckland).")]
    [InlineData("fr", "est attendu le mardi 15 juillet 2031 à 23:59 (Pacific/Auckland).", "jusqu'au jeudi 14 août 2031 à 23:59 (Pacific/Auckland).")]
    [InlineData("es", "vence el martes 15 de julio de 2031 a las 23:59 (Pacific/Auckland).", "hasta el jueves 14 de agosto de 2031 a las 23:59 (Pacific/Auckland).")]
    [InlineData("ru", "до 15 июля 2031 г. (вторник), 23:59 (Pacific/Auckland).", "до 14 августа 2031 г. (четверг), 23:59 (Pacific/Auckland).")]
    [InlineData("de", "ist am Dienstag, 15. Juli 2031, um 23:59 Uhr (Pacific/Auckland) fällig.", "bis zum Donnerstag, 14. August 2031, um 23:59 Uhr (Pacific/Auckland) angenommen.")]
    [InlineData("ar", "مستحق يوم الثلاثاء، 15 يوليو 2031، الساعة 23:59 (Pacific/Auckland).", "حتى يوم الخميس، 14 أغسطس 2031، الساعة 23:59 (Pacific/Auckland).")]
    [InlineData("zh", "截止日期为2031年7月15日星期二 23:59（Pacific/Auckland）。", "截止到2031年8月14日星期四 23:59（Pacific/Auckland）。")]
    public void DatesReadAsTheLanguageSaysThem(string language, string deadlinePhrase, string lateWindowPhrase)
    {
        var centre = CampaignScenario.Early with { Language = language };

        var reminder = Emails.Reminder(Campaign, centre, 7);
        var late = Emails.LateNotice(Campaign, centre, 1);

        Assert.Contains(deadlinePhrase, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(lateWindowPhrase, late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("до вторник", reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "Файл повреждён и не открывается.", "Автоматическая проверка обнаружила следующие проблемы:")]
    [InlineData("ar", "الملف تالف ولا يمكن فتحه.", "وجد الفحص الآلي المشكلات التالية:")]
    public void AReceiptForAnUnreadableUploadNamesTheProblemInTheCentresLanguage(string language, string problem, string heading)
    {
        var centre = CampaignScenario.Incomplete with { Language = language };
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Incomplete.Id);
        var unreadable = CampaignScenario.IncompleteReading with
        {
            Status = ReportStatus.Unreadable,
            Problems = [new ReportProblem(ProblemCodes.Corrupt, "The file is not a valid DOCX: " + LibraryMessage)],
        };

        var receipt = Emails.Receipt(Campaign, submission, centre, unreadable);

        Assert.Contains(heading + "\n\n- " + problem, receipt.Text, StringComparison.Ordinal);
        Assert.Contains(problem, receipt.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCX", receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(LibraryMessage, receipt.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLinkEmailFollowsTheCentresState()
    {
        var centre = CampaignScenario.Late;
        var report = CampaignScenario.Submissions.Single(s => s.CentreId == centre.Id);

        var reported = Emails.Link(Campaign, centre, report, Campaign.Deadline + TimeSpan.FromDays(5), "a");
        var notYet = Emails.Link(Campaign, centre, null, Campaign.Deadline - TimeSpan.FromDays(5), "b");
        var late = Emails.Link(Campaign, centre, null, Campaign.Deadline + TimeSpan.FromDays(5), "c");

        Assert.Equal("Your upload link for the PAC Centre report 2031", reported.Subject);
        Assert.Contains("We have your centre's report for 2031, received on Friday, 18 July 2031 at 23:59 (Pacific/Auckland). To send a new version, upload it with this link:",
            reported.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not received", reported.Text, StringComparison.Ordinal);
        Assert.Contains("We have not received it yet.", notYet.Text, StringComparison.Ordinal);
        Assert.Contains("was Tuesday, 15 July 2031 at 23:59 (Pacific/Auckland), and we have not received it.", late.Text, StringComparison.Ordinal);
        Assert.Contains("Late reports are accepted until", late.Text, StringComparison.Ordinal);
        Assert.All([reported, notYet, late], m => Assert.Equal(EmailKinds.LinkResent, m.Key.Kind));
    }

    private static EmailMessage Render(string kind, Centre centre)
    {
        var submission = CampaignScenario.Submissions.First(s => s.CentreId == CampaignScenario.Early.Id);
        var inside = Campaign.Deadline - TimeSpan.FromDays(3);
        var after = Campaign.Deadline + TimeSpan.FromDays(3);
        return kind switch
        {
            "reminder" => Emails.Reminder(Campaign, centre, 7),
            "late-notice" => Emails.LateNotice(Campaign, centre, 1),
            "last-late-notice" => Emails.LateNotice(Campaign, centre, Campaign.LateNoticeDays.Max()),
            "receipt-with-problems" => Emails.Receipt(Campaign, submission, centre, EveryProblem),
            "receipt-without-problems" => Emails.Receipt(Campaign, submission, centre, EveryProblem with { Problems = [] }),
            "receipt-not-checked" => Emails.Receipt(Campaign, submission, centre, null),
            "receipt-without-campaign" => Emails.Receipt(null, submission, centre, EveryProblem),
            "link-reported" => Emails.Link(Campaign, centre, submission, inside, "x"),
            "link-not-yet" => Emails.Link(Campaign, centre, null, inside, "x"),
            "link-late" => Emails.Link(Campaign, centre, null, after, "x"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such e-mail kind in this test"),
        };
    }

    /// <summary>
    /// The English catalogues' sentences (the pieces between placeholders and sentence ends) that the language says
    /// otherwise: none may appear in that language's e-mail.
    /// </summary>
    private static IEnumerable<string> EnglishSentences(CoordinatorTexts own, UploadTexts ownPage)
    {
        var coordinator = typeof(CoordinatorTexts).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && !p.Name.EndsWith("Pattern", StringComparison.Ordinal))
            .Select(p => ((string)p.GetValue(CoordinatorTexts.English)!, (string)p.GetValue(own)!));
        var page = typeof(UploadTexts).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && (p.Name.StartsWith("Problem", StringComparison.Ordinal) || p.Name.StartsWith("Remedy", StringComparison.Ordinal)))
            .Select(p => ((string)p.GetValue(UploadTexts.English)!, (string)p.GetValue(ownPage)!));
        return coordinator.Concat(page)
            .Where(pair => pair.Item1 != pair.Item2)
            .SelectMany(pair => SentencePieces().Split(pair.Item1))
            .Select(piece => piece.Trim(' ', ',', '.', ':', ';', '(', ')'))
            .Where(piece => piece.Length >= 8)
            .Distinct(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\{\d\}|(?<=[.:;!?])\s+")]
    private static partial Regex SentencePieces();
}
