using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Html;
using PacSubmissions.Languages;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Reminders;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Email;

/// <summary>
/// Every e-mail a coordinator can get, in each of IFLA's seven languages: written wholly in that language, problems
/// named as the upload page names them (one catalogue), dates phrased as the language says them, and no library or reader text.
/// </summary>
public sealed partial class CoordinatorLanguageTests
{
    public static readonly string[] Languages = ["en", "fr", "es", "ru", "de", "ar", "zh"];

    /// <summary>Each variant of a coordinator's e-mail rendered here, with its kind: together they cover <see cref="EmailKinds.ToCoordinators"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Variants = new Dictionary<string, string>
    {
        ["invitation"] = EmailKinds.Invitation,
        ["reminder"] = EmailKinds.Reminder,
        ["late-notice"] = EmailKinds.LateNotice,
        ["last-late-notice"] = EmailKinds.LateNotice,
        ["receipt-with-problems"] = EmailKinds.Receipt,
        ["receipt-without-problems"] = EmailKinds.Receipt,
        ["receipt-not-checked"] = EmailKinds.Receipt,
        ["receipt-without-campaign"] = EmailKinds.Receipt,
        ["link-reported"] = EmailKinds.LinkResent,
        ["link-unreadable"] = EmailKinds.LinkResent,
        ["link-unreadable-late"] = EmailKinds.LinkResent,
        ["link-not-yet"] = EmailKinds.LinkResent,
        ["link-late"] = EmailKinds.LinkResent,
        ["needs-work-reminder"] = EmailKinds.NeedsWorkReminder,
        ["needs-work-late-notice"] = EmailKinds.NeedsWorkLateNotice,
        ["needs-work-last-late-notice"] = EmailKinds.NeedsWorkLateNotice,
        ["fresh-link"] = EmailKinds.FreshLink,
        ["address-changed"] = EmailKinds.AddressChanged,
    };

    /// <summary>The kinds HQ gets, in English (HQ's e-mails keep the reader's own words), and the constants that are no kind.</summary>
    private static readonly string[] HqKinds =
        [EmailKinds.SubmissionReceived, EmailKinds.ProcessingFailed, EmailKinds.MissingAddress, EmailKinds.WeeklyDigest, EmailKinds.ClosingSummary, EmailKinds.DailySummary, EmailKinds.AddressFailed,
            EmailKinds.UploadBurst];

    private static readonly string[] NotKinds = [EmailKinds.Hq, EmailKinds.Opening, EmailKinds.AfterDeadline, EmailKinds.AfterLateWindow];

    private const string HqAddress = "hq@pac-test.example";

    /// <summary>Russian weekdays: "до" takes the genitive, which .NET's weekday names are not, so they stand in brackets only.</summary>
    private static readonly string[] RussianWeekdays = CultureInfo.GetCultureInfo("ru").DateTimeFormat.DayNames;

    /// <summary>What the reader and the libraries under it say: English, technical, never for a coordinator.</summary>
    private const string LibraryMessage = "End of Central Directory record could not be found.";

    private static readonly Campaign Campaign = CampaignScenario.Campaign;

    /// <summary>The coordinators' e-mails with a link signer of their own: no storage, no host (CoordinatorTimeZoneTests uses it too).</summary>
    internal static readonly CoordinatorEmails Emails = new(
        new UploadLinks(Options.Create(new LinkOptions { SigningSecret = new string('s', 40), PublicBaseUrl = "https://pac.example.org" }), TimeProvider.System),
        new HtmlPages(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance));

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
        foreach (var kind in Variants.Keys)
        {
            foreach (var language in Languages)
            {
                data.Add(kind, language);
            }
        }

        return data;
    }

    [Fact]
    public void EveryKindOfEmailACoordinatorGetsIsRenderedInEveryLanguageHere()
    {
        // A new kind must be put among the coordinators' (and rendered here) or HQ's: none can be forgotten.
        var constants = typeof(EmailKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Empty(constants.Except(EmailKinds.ToCoordinators).Except(HqKinds).Except(NotKinds));
        Assert.Empty(EmailKinds.ToCoordinators.Intersect(HqKinds));
        Assert.Equal(EmailKinds.ToCoordinators.Order(StringComparer.Ordinal), Variants.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public async Task EveryCoordinatorEmailIsWhollyInTheCentresLanguage(string kind, string language)
    {
        // In Almaty, whose clocks read otherwise than the campaign's Auckland: every date phrase with the coordinator's own time too.
        var centre = CampaignScenario.Early with { Language = language, TimeZone = "Asia/Almaty" };

        var email = await RenderAsync(kind, centre);

        Assert.Equal(Variants[kind], email.Key.Kind);

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

        var own = Texts.For(language);
        // The words, not the links: a link's random token may spell "May" or "Sun".
        var prose = System.Text.RegularExpressions.Regex.Replace(email.Text, @"https?://\S+", "");
        foreach (var sentence in EnglishSentences(own))
        {
            Assert.DoesNotContain(sentence, prose, StringComparison.OrdinalIgnoreCase);
        }

        // Dates are written in the language: no English month or weekday (German's August is its own).
        var english = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat;
        var ownNames = own.Culture().DateTimeFormat;
        foreach (var name in english.MonthNames.Concat(english.DayNames).Where(n => n.Length > 0)
            .Except(ownNames.MonthNames.Concat(ownNames.MonthGenitiveNames).Concat(ownNames.DayNames)))
        {
            Assert.DoesNotContain(name, prose, StringComparison.Ordinal);
        }

        Assert.StartsWith(own.Greeting.Split("{0}")[0], email.Text, StringComparison.Ordinal);
        if (language == "ru")
        {
            // "до четверг" is not Russian: a weekday stands only in the date's brackets, "до 15 июля 2031 г. (вторник)".
            var outsideBrackets = RussianWeekdays.Aggregate(email.Subject + "\n" + prose, (text, day) => text.Replace($"({day})", "", StringComparison.Ordinal));
            Assert.DoesNotContain(RussianWeekdays, day => outsideBrackets.Contains(day, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(LanguagesOnly))]
    public async Task TheInvitationGivesTheLinkTheDeadlineWhatTheReportMustContainAndWhomToAsk(string language)
    {
        // In Almaty: the deadline in the campaign's zone, and the coordinator's own time beside it, as every e-mail says it.
        var centre = CampaignScenario.Early with { Language = language, TimeZone = "Asia/Almaty" };
        var texts = Texts.For(language);

        var invitation = await Emails.InvitationAsync(Campaign, centre, HqAddress, CancellationToken.None);

        Assert.Equal(Texts.Format(texts.InvitationSubject, 2031), invitation.Subject);
        Assert.Contains(Texts.Format(texts.InvitationBody, 2031, CoordinatorEmails.Deadline(Campaign.Deadline, Campaign, centre, texts)), invitation.Text, StringComparison.Ordinal);
        Assert.Contains("Almaty", invitation.Text, StringComparison.Ordinal);
        // Reported in 2031, the activities of 2030: as the upload page says it.
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, texts.ActivitiesYear, 2030), invitation.Text, StringComparison.Ordinal);
        foreach (var question in Campaign.Form().Questions)
        {
            var line = "- " + question.TextIn(language) + (question.Required ? " " + texts.RequiredMark : "") + "\n";
            Assert.Contains(line, invitation.Text, StringComparison.Ordinal);
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(question.TextIn(language)), invitation.Html, StringComparison.Ordinal);
        }

        Assert.Contains(texts.AskHq + " " + HqAddress, invitation.Text, StringComparison.Ordinal);
        Assert.Contains(texts.InvitationLink + "\n\nhttps://pac.example.org/api/upload/", invitation.Text, StringComparison.Ordinal);
        Assert.Equal(new EmailKey(2031, centre.Id, EmailKinds.Invitation, EmailKinds.Opening), invitation.Key);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("ar")]
    public async Task TheLinkEmailToACentreWhoseOnlyFileCouldNotBeReadSaysSoAndWhatToDo(string language)
    {
        var centre = CampaignScenario.Late with { Language = language };
        var texts = Texts.For(language);
        var unreadable = CampaignScenario.Submissions.Single(s => s.CentreId == centre.Id) with
        {
            Check = SubmissionCheck.From(CampaignScenario.IncompleteReading with
            {
                Status = ReportStatus.Unreadable,
                Problems = [new ReportProblem(ProblemCodes.Corrupt, LibraryMessage)],
            }),
        };

        var before = await Emails.LinkAsync(Campaign, centre, unreadable, Campaign.Deadline - TimeSpan.FromDays(5), "a", CancellationToken.None);
        var after = await Emails.LinkAsync(Campaign, centre, unreadable, Campaign.Deadline + TimeSpan.FromDays(5), "b", CancellationToken.None);

        var received = CoordinatorEmails.Moment(unreadable.ReceivedAt, Campaign, centre, texts);
        var deadline = CoordinatorEmails.Deadline(Campaign.Deadline, Campaign, centre, texts);
        Assert.All([before, after], m => Assert.Contains(Texts.Format(texts.NeedsWorkUnreadable, 2031, received) + "\n\n- " + texts.Problem(ProblemCodes.Corrupt, null), m.Text, StringComparison.Ordinal));
        Assert.Contains(Texts.Format(texts.NeedsWorkDue, 2031, deadline), before.Text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(texts.NeedsWorkOverdue, 2031, deadline), after.Text, StringComparison.Ordinal);
        // Not what a reminder says to a centre that has sent nothing.
        Assert.All([before, after], m => Assert.DoesNotContain(Texts.Format(texts.ReminderBody, 2031, deadline).Split(". ")[^1], m.Text, StringComparison.Ordinal));
        Assert.All([before, after], m => Assert.DoesNotContain(LibraryMessage, m.Text, StringComparison.Ordinal));
    }

    public static TheoryData<string> LanguagesOnly() => [.. Languages];

    [Theory]
    [InlineData("en", "is due on Tuesday, 15 July 2031 at 23:59 (Auckland, UTC+12).", "until Thursday, 14 August 2031 at 23:59 (Auckland, UTC+12).")]
    [InlineData("fr", "est attendu le mardi 15 juillet 2031 à 23:59 (Auckland, UTC+12).", "jusqu'au jeudi 14 août 2031 à 23:59 (Auckland, UTC+12).")]
    [InlineData("es", "vence el martes 15 de julio de 2031 a las 23:59 (Auckland, UTC+12).", "hasta el jueves 14 de agosto de 2031 a las 23:59 (Auckland, UTC+12).")]
    [InlineData("ru", "до 15 июля 2031 г. (вторник), 23:59 (Auckland, UTC+12).", "до 14 августа 2031 г. (четверг), 23:59 (Auckland, UTC+12).")]
    [InlineData("de", "ist am Dienstag, 15. Juli 2031, um 23:59 Uhr (Auckland, UTC+12) fällig.", "bis zum Donnerstag, 14. August 2031, um 23:59 Uhr (Auckland, UTC+12) angenommen.")]
    [InlineData("ar", "مستحق يوم الثلاثاء، 15 يوليو 2031، الساعة 23:59 (Auckland، UTC+12).", "حتى يوم الخميس، 14 أغسطس 2031، الساعة 23:59 (Auckland، UTC+12).")]
    [InlineData("zh", "截止日期为2031年7月15日星期二 23:59（Auckland，UTC+12）。", "截止到2031年8月14日星期四 23:59（Auckland，UTC+12）。")]
    public async Task DatesReadAsTheLanguageSaysThem(string language, string deadlinePhrase, string lateWindowPhrase)
    {
        var centre = CampaignScenario.Early with { Language = language };

        var reminder = await Emails.ReminderAsync(Campaign, centre, 7, CancellationToken.None);
        var late = await Emails.LateNoticeAsync(Campaign, centre, 1, CancellationToken.None);

        Assert.Contains(deadlinePhrase, reminder.Text, StringComparison.Ordinal);
        Assert.Contains(lateWindowPhrase, late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("до вторник", reminder.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ru", "Файл повреждён и не открывается.", "Автоматическая проверка обнаружила следующие проблемы:")]
    [InlineData("ar", "الملف تالف ولا يمكن فتحه.", "وجد الفحص الآلي المشكلات التالية:")]
    public async Task AReceiptForAnUnreadableUploadNamesTheProblemInTheCentresLanguage(string language, string problem, string heading)
    {
        var centre = CampaignScenario.Incomplete with { Language = language };
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Incomplete.Id);
        var unreadable = CampaignScenario.IncompleteReading with
        {
            Status = ReportStatus.Unreadable,
            Problems = [new ReportProblem(ProblemCodes.Corrupt, "The file is not a valid DOCX: " + LibraryMessage)],
        };

        var receipt = await Emails.ReceiptAsync(Campaign, submission, centre, unreadable, CancellationToken.None);

        Assert.Contains(heading + "\n\n- " + problem, receipt.Text, StringComparison.Ordinal);
        Assert.Contains(problem, receipt.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCX", receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(LibraryMessage, receipt.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLinkEmailFollowsTheCentresState()
    {
        var centre = CampaignScenario.Late;
        var report = CampaignScenario.Submissions.Single(s => s.CentreId == centre.Id);

        var reported = await Emails.LinkAsync(Campaign, centre, report, Campaign.Deadline + TimeSpan.FromDays(5), "a", CancellationToken.None);
        var notYet = await Emails.LinkAsync(Campaign, centre, null, Campaign.Deadline - TimeSpan.FromDays(5), "b", CancellationToken.None);
        var late = await Emails.LinkAsync(Campaign, centre, null, Campaign.Deadline + TimeSpan.FromDays(5), "c", CancellationToken.None);

        Assert.Equal("Your upload link for the PAC Centre report 2031", reported.Subject);
        Assert.Contains("We have your centre's report for 2031, received on Friday, 18 July 2031 at 23:59 (Auckland, UTC+12). To send a new version, upload it with this link:",
            reported.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not received", reported.Text, StringComparison.Ordinal);
        Assert.Contains("We have not received it yet.", notYet.Text, StringComparison.Ordinal);
        Assert.Contains("was Tuesday, 15 July 2031 at 23:59 (Auckland, UTC+12), and we have not received it.", late.Text, StringComparison.Ordinal);
        Assert.Contains("Late reports are accepted until", late.Text, StringComparison.Ordinal);
        Assert.All([reported, notYet, late], m => Assert.Equal(EmailKinds.LinkResent, m.Key.Kind));
    }

    private static Task<EmailMessage> RenderAsync(string kind, Centre centre)
    {
        var submission = CampaignScenario.Submissions.First(s => s.CentreId == CampaignScenario.Early.Id);
        var inside = Campaign.Deadline - TimeSpan.FromDays(3);
        var after = Campaign.Deadline + TimeSpan.FromDays(3);
        return kind switch
        {
            "reminder" => Emails.ReminderAsync(Campaign, centre, 7, CancellationToken.None),
            "late-notice" => Emails.LateNoticeAsync(Campaign, centre, 1, CancellationToken.None),
            "last-late-notice" => Emails.LateNoticeAsync(Campaign, centre, Campaign.LateNoticeDays.Max(), CancellationToken.None),
            "receipt-with-problems" => Emails.ReceiptAsync(Campaign, submission, centre, EveryProblem, CancellationToken.None),
            "receipt-without-problems" => Emails.ReceiptAsync(Campaign, submission, centre, EveryProblem with { Problems = [] }, CancellationToken.None),
            "receipt-not-checked" => Emails.ReceiptAsync(Campaign, submission, centre, null, CancellationToken.None),
            "receipt-without-campaign" => Emails.ReceiptAsync(null, submission, centre, EveryProblem, CancellationToken.None),
            "invitation" => Emails.InvitationAsync(Campaign, centre, HqAddress, CancellationToken.None),
            "link-unreadable" => Emails.LinkAsync(Campaign, centre, submission with { Check = SubmissionCheck.From(EveryProblem with { Status = ReportStatus.Unreadable }) },
                inside, "x", CancellationToken.None),
            "link-unreadable-late" => Emails.LinkAsync(Campaign, centre, submission with { Failure = new ProcessingFailure(after, LibraryMessage) }, after, "x", CancellationToken.None),
            "link-reported" => Emails.LinkAsync(Campaign, centre, submission, inside, "x", CancellationToken.None),
            "link-not-yet" => Emails.LinkAsync(Campaign, centre, null, inside, "x", CancellationToken.None),
            "link-late" => Emails.LinkAsync(Campaign, centre, null, after, "x", CancellationToken.None),
            "fresh-link" => Emails.LinkAsync(Campaign, centre, null, after, "x", LinkReason.FreshLinkRequested, CancellationToken.None),
            "address-changed" => Emails.LinkAsync(Campaign, centre, submission, inside, "x", LinkReason.AddressChanged, CancellationToken.None),
            // Incomplete (the questions), unreadable with every problem (their remedies), and not processed at all (no check).
            "needs-work-reminder" => Emails.NeedsWorkAsync(Campaign, centre, submission with { Check = SubmissionCheck.From(EveryProblem) }, 7, late: false, CancellationToken.None),
            "needs-work-late-notice" => Emails.NeedsWorkAsync(Campaign, centre,
                submission with { Check = SubmissionCheck.From(EveryProblem with { Status = ReportStatus.Unreadable }) }, 1, late: true, CancellationToken.None),
            "needs-work-last-late-notice" => Emails.NeedsWorkAsync(Campaign, centre,
                submission with { Failure = new ProcessingFailure(after, LibraryMessage) }, Campaign.LateNoticeDays.Max(), late: true, CancellationToken.None),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such e-mail kind in this test"),
        };
    }

    /// <summary>
    /// The English catalogue's sentences (the pieces between placeholders and sentence ends), of the page's and the
    /// e-mails' texts alike, that the language says otherwise: none may appear in that language's e-mail.
    /// </summary>
    internal static IEnumerable<string> EnglishSentences(Texts own) =>
        typeof(Texts).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && !p.Name.EndsWith("Pattern", StringComparison.Ordinal))
            .Select(p => ((string)p.GetValue(Texts.English)!, (string)p.GetValue(own)!))
            .Where(pair => pair.Item1 != pair.Item2)
            .SelectMany(pair => SentencePieces().Split(pair.Item1))
            .Select(piece => piece.Trim(' ', ',', '.', ':', ';', '(', ')'))
            .Where(piece => piece.Length >= 8)
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d\}|(?<=[.:;!?])\s+")]
    private static partial Regex SentencePieces();
}
