using System.Globalization;
using PacSubmissions.Forms;
using PacSubmissions.Reports;

namespace PacSubmissions.Languages;

/// <summary>
/// Every sentence a coordinator reads, in one language: the upload page and its result pages, the coordinators'
/// e-mails, and the problems a check finds. One instance per language of IFLA's seven, one file each
/// (<c>Texts.French.cs</c>, ...); every member is required, so a language missing a sentence does not compile. The
/// questions of the form are named as the form definition words them (<see cref="FormDefinition.TitleOf"/>), and a
/// problem by its code (<see cref="Problem"/>). Placeholders ({0}, {1}) are filled where the text is used.
/// </summary>
public sealed partial class Texts
{
    /// <summary>How every e-mail to a coordinator is signed: the service's name, the same in every language.</summary>
    public const string Signature = "IFLA PAC Submissions";

    public required string Code { get; init; }
    public required string NativeName { get; init; }

    /// <summary>The language is written right to left: pages and e-mails say <c>dir="rtl"</c>.</summary>
    public bool RightToLeft { get; init; }

    // The upload page and its result pages.
    public required string PageTitle { get; init; }
    public required string TemplateLink { get; init; }
    public required string CampaignYear { get; init; }
    public required string DeadlineLabel { get; init; }
    public required string InYourLocalTime { get; init; }
    public required string TimeLeft { get; init; }
    public required string DeadlinePassedNotice { get; init; }
    public required string NotYetOpenNotice { get; init; }
    public required string ClosedNotice { get; init; }
    public required string AcceptedFiles { get; init; }
    public required string ChooseFile { get; init; }
    public required string DropHint { get; init; }
    public required string Send { get; init; }
    public required string ProgressLabel { get; init; }
    public required string Sending { get; init; }
    public required string YourUploads { get; init; }
    public required string NoUploads { get; init; }
    public required string ColumnReceived { get; init; }
    public required string ColumnFile { get; init; }
    public required string ColumnTiming { get; init; }
    public required string ColumnCheck { get; init; }
    public required string OnTime { get; init; }
    public required string Late { get; init; }
    public required string Checking { get; init; }
    public required string StatusValid { get; init; }
    public required string StatusIncomplete { get; init; }
    public required string StatusUnreadable { get; init; }

    /// <summary>Processing failed for good: the file is kept and HQ looks at it by hand.</summary>
    public required string StatusNotChecked { get; init; }
    public required string NewestCounts { get; init; }

    /// <summary>An unreadable upload beside a readable one that still counts; {0} is when the counting one was received.</summary>
    public required string DoesNotCount { get; init; }

    /// <summary>What to do about a file the reader could not open: saving it again from the word processor mends most.</summary>
    public required string RemedySaveAgain { get; init; }
    public required string ReceivedTitle { get; init; }
    public required string ReceivedOnTime { get; init; }
    public required string ReceivedLate { get; init; }
    public required string BackToPage { get; init; }

    /// <summary>Without JavaScript: the result page's link to the upload's check, which refreshes until it is done.</summary>
    public required string SeeCheck { get; init; }
    public required string CheckTitle { get; init; }
    public required string CheckRefreshes { get; init; }
    public required string LinkInvalidTitle { get; init; }
    public required string LinkInvalid { get; init; }
    public required string NotSentTitle { get; init; }
    public required string ErrorNoFile { get; init; }
    public required string ErrorEmpty { get; init; }
    public required string ErrorTwoFiles { get; init; }
    public required string ErrorTooLarge { get; init; }
    public required string ErrorWrongType { get; init; }
    public required string ErrorNetwork { get; init; }
    public required string ErrorStorageUnavailable { get; init; }
    public required string Language { get; init; }

    // The upload page's section on what to send: the title of its <details>, the year the report covers ({0}), the
    // form's questions (each required one followed by RequiredMark), and HQ's address after AskHq.
    public required string WhatToSendTitle { get; init; }
    public required string ActivitiesYear { get; init; }
    public required string QuestionsIntro { get; init; }
    public required string RequiredMark { get; init; }
    public required string AskHq { get; init; }

    // The coordinators' e-mails. Placeholders: {0} is the campaign year, {1} a date (see Format); the greeting's {0} is
    // the coordinator. The receipt's file label is ColumnFile, the same word in every language.
    public required string Greeting { get; init; }
    public required string ReminderSubject { get; init; }
    public required string ReminderBody { get; init; }
    public required string UploadPrompt { get; init; }
    public required string LateSubject { get; init; }
    public required string LateBody { get; init; }
    public required string LateWindow { get; init; }
    public required string LastNotice { get; init; }
    public required string ReceiptSubject { get; init; }
    public required string ReceiptBody { get; init; }

    /// <summary>
    /// The receipt's labels and its "on time"/"late": not the page's column words, which in French, German and
    /// Chinese (and in case everywhere) are other words ("Reçu" on the page, "Reçu le" in the e-mail).
    /// </summary>
    public required string ReceiptReceived { get; init; }
    public required string ReceiptTiming { get; init; }
    public required string ReceiptOnTime { get; init; }
    public required string ReceiptLate { get; init; }
    public required string ReceiptProblemsFound { get; init; }
    public required string ReceiptNoProblems { get; init; }
    public required string ReceiptCheckNotFinished { get; init; }
    public required string ReceiptCorrection { get; init; }

    /// <summary>
    /// The date as the sentences around it need it (a custom .NET pattern): Russian puts the weekday in brackets, as
    /// "до" wants the genitive and .NET has no genitive weekdays; Arabic says "يوم الخميس"; Spanish has no comma after
    /// the weekday.
    /// </summary>
    public required string DatePattern { get; init; }

    /// <summary>A date with its time and zone: {0} the date, {1} the time (HH:mm), {2} the zone.</summary>
    public required string DateTimePattern { get; init; }

    /// <summary>"E-mail the link" on the dashboard: the subject, {0} the year.</summary>
    public required string LinkSubject { get; init; }

    /// <summary>The link e-mail to a centre that has reported: {0} the year, {1} when the report that counts was received.</summary>
    public required string LinkReported { get; init; }

    /// <summary>
    /// The reminder and late notice to a centre whose report that counts needs work: the subject ({0} the year); what is
    /// wrong with it ({0} the year, {1} when it was received), followed by the questions unanswered or the problems with
    /// their remedies; and what to do ({1} the deadline), before and after the deadline.
    /// </summary>
    public required string NeedsWorkSubject { get; init; }
    public required string NeedsWorkIncomplete { get; init; }
    public required string NeedsWorkUnreadable { get; init; }
    public required string NeedsWorkDue { get; init; }
    public required string NeedsWorkOverdue { get; init; }

    // The problems a check can find, each said with its remedy by Problem().
    public required string ProblemUnsupported { get; init; }
    public required string ProblemEmpty { get; init; }
    public required string ProblemCorrupt { get; init; }
    public required string ProblemEncrypted { get; init; }
    public required string ProblemMacro { get; init; }
    public required string ProblemSuspicious { get; init; }
    public required string ProblemTooLarge { get; init; }
    public required string ProblemNoText { get; init; }
    public required string ProblemPageSkipped { get; init; }
    public required string ProblemMissingSection { get; init; }
    public required string ProblemUnansweredSection { get; init; }
    public required string ProblemMalicious { get; init; }

    /// <summary>Stands for the problems left off a stored check that had too many to keep.</summary>
    public required string ProblemMore { get; init; }

    /// <summary>A problem code this catalogue does not know yet: said in the language, never the reader's English.</summary>
    public required string ProblemOther { get; init; }

    // Branch resumable: the page's upload in blocks, which retries and resumes, and the block routes' refusals.
    /// <summary>Shown while the page's script waits to send a block again after the connection failed.</summary>
    public required string ConnectionRetrying { get; init; }

    /// <summary>The progress of an upload: {0} sent so far, {1} the file's size (each with its unit, written by the browser).</summary>
    public required string BytesSent { get; init; }

    /// <summary>After a reload, beside the form: {0} is the file name of the upload that did not finish.</summary>
    public required string ResumeHint { get; init; }

    /// <summary>A block over the block size ({0} MB), which the page's script never sends.</summary>
    public required string ErrorPartTooLarge { get; init; }

    /// <summary>A commit before block {0} of {1} arrived.</summary>
    public required string ErrorPartMissing { get; init; }

    /// <summary>A commit whose blocks do not add up to the size it names.</summary>
    public required string ErrorPartsDoNotMatch { get; init; }

    /// <summary>An upload id, block index or commit request of the wrong shape.</summary>
    public required string ErrorUploadNotRecognised { get; init; }
    // Branch links: the dead-link page's way on and the fresh-link request (HQ's address follows DeadLinkWriteToHq and
    // FreshLinkRequested as a mailto: link), and the two link e-mails' first paragraphs: one asked for on a dead link's
    // page, one to a coordinator's new address.
    public required string DeadLinkWriteToHq { get; init; }
    public required string FreshLinkOffer { get; init; }
    public required string FreshLinkButton { get; init; }
    public required string FreshLinkRequestedTitle { get; init; }
    public required string FreshLinkRequested { get; init; }
    public required string FreshLinkEmailIntro { get; init; }
    public required string AddressChangedEmailIntro { get; init; }

    /// <summary>IFLA's seven languages, in the order the page's switcher lists them.</summary>
    // Built on first use rather than by a field initialiser: the languages are initialised in their own files, in an
    // order C# leaves open.
    public static IReadOnlyList<Texts> All => field ??= [English, French, Spanish, Russian, German, Arabic, Chinese];

    /// <summary>The texts for a language tag (<c>fr</c>, <c>fr-CA</c>, <c>zh_Hans</c>, by its primary subtag); null when the project lacks the language.</summary>
    public static Texts? Find(string? language)
    {
        var primary = (language ?? "").Trim().Split('-', '_')[0];
        return All.FirstOrDefault(t => string.Equals(t.Code, primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The texts for a language tag; English when the project lacks the language.</summary>
    public static Texts For(string? language) => Find(language) ?? English;

    /// <summary>
    /// A problem in plain words in this language, with what to do about it, for the page and the coordinator's e-mails
    /// alike, so a library's or the reader's own (English) message never reaches a coordinator. The one place a
    /// problem code becomes words; <paramref name="section"/> is the form's key of the question it concerns.
    /// </summary>
    public string Problem(string code, string? section)
    {
        // The question as the form itself words it in this language.
        var question = section is null ? "" : FormDefinitions.Current.TitleOf(section, Code);
        return code switch
        {
            // A file that could not be opened at all is mended, most often, by saving it again from the word processor.
            ProblemCodes.UnsupportedFormat => $"{ProblemUnsupported} {RemedySaveAgain}",
            ProblemCodes.EmptyFile => $"{ProblemEmpty} {RemedySaveAgain}",
            ProblemCodes.Corrupt => $"{ProblemCorrupt} {RemedySaveAgain}",
            ProblemCodes.Encrypted => ProblemEncrypted,
            ProblemCodes.MacroEnabled => ProblemMacro,
            ProblemCodes.SuspiciousArchive => $"{ProblemSuspicious} {RemedySaveAgain}",
            ProblemCodes.TooLarge => ProblemTooLarge,
            ProblemCodes.NoText => ProblemNoText,
            ProblemCodes.PageSkipped => ProblemPageSkipped,
            ProblemCodes.ActiveContent => ProblemActiveContent,
            ProblemCodes.Malicious => ProblemMalicious,
            ProblemCodes.MoreProblems => ProblemMore,
            ProblemCodes.MissingSection => string.Format(CultureInfo.InvariantCulture, ProblemMissingSection, question),
            ProblemCodes.UnansweredSection => string.Format(CultureInfo.InvariantCulture, ProblemUnansweredSection, question),
            _ => ProblemOther,
        };
    }

    /// <summary>The culture dates are written in: the language's, always on the Gregorian calendar.</summary>
    public CultureInfo Culture()
    {
        // British English: day before month, as most of the world reads a date.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(Code == "en" ? "en-GB" : Code).Clone();
        var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
        if (gregorian is not null)
        {
            culture.DateTimeFormat.Calendar = gregorian;
        }

        return culture;
    }

    /// <summary>An instant (already in the zone to show) as a date phrase in this language, with its time and zone unless <paramref name="dateOnly"/>.</summary>
    public string Date(DateTimeOffset local, string zoneLabel, bool dateOnly = false)
    {
        var date = local.ToString(DatePattern, Culture());
        return dateOnly
            ? date
            : string.Format(CultureInfo.InvariantCulture, DateTimePattern, date, local.ToString("HH:mm", CultureInfo.InvariantCulture), zoneLabel);
    }

    /// <summary>An e-mail sentence with the campaign year for {0} and a date phrase for {1}.</summary>
    public static string Format(string template, int year, string date = "") =>
        string.Format(CultureInfo.InvariantCulture, template, year.ToString(CultureInfo.InvariantCulture), date);

    // active-content: a file with active content (said with its remedy by Problem()); an upload refused because its name's
    // ending is not the format the content is ({0} the name's ending, {1} the format's), or because its end is missing.
    public required string ProblemActiveContent { get; init; }
    public required string ErrorNameNotFormat { get; init; }
    public required string ErrorIncompleteFile { get; init; }
    // Branch invitation: the invitation each active centre gets when a campaign opens. The subject ({0} the year); the
    // opening paragraph ({0} the year, {1} the deadline, phrased as in ReminderBody); then what the report must contain
    // (ReportContents: ActivitiesYear, QuestionsIntro and the questions), InvitationLink before the link, and AskHq
    // before HQ's address.
    public required string InvitationSubject { get; init; }
    public required string InvitationBody { get; init; }
    public required string InvitationLink { get; init; }

    // timezones (issue 16): the zones named plainly, and the coordinator's own time beside a deadline (see ShowTime).

    /// <summary>Etc/GMT+12, the zone of IFLA's deadlines, by name (shown with its offset: "Anywhere on Earth, UTC−12").</summary>
    public required string AnywhereOnEarth { get; init; }

    /// <summary>A zone named inside a date's brackets: {0} the place (AoE or the IANA city), {1} its UTC offset then.</summary>
    public required string ZoneNamePattern { get; init; }

    /// <summary>
    /// A deadline with the coordinator's own time beside it: {0} the deadline phrase in the campaign's zone, {1} the
    /// coordinator's date, {2} their time (HH:mm), {3} their zone. It stands where a date phrase stands in every
    /// sentence ("due on {1}", "until {1}"), so it brings its own preposition for the second date.
    /// </summary>
    public required string YourTimePattern { get; init; }

    // Branch limits (issue 17, point 3): an upload refused by the per-link limits (Upload:UploadsPerHour,
    // Upload:MaxCampaignBytes). ErrorTooManyUploads: {0} the uploads an hour allows, {1} when the next is taken (a date
    // phrase in the coordinator's zone, as Local gives it). ErrorCampaignFull: {0} the megabytes one centre may keep in a
    // campaign, {1} HQ's address.
    public required string ErrorTooManyUploads { get; init; }
    public required string ErrorCampaignFull { get; init; }
    // Branch privacy: the upload page's privacy notice (Upload/Page/PrivacyNotice.razor): its title, what is kept, why,
    // for how long ({0} is Years() of the retention setting), and whom to ask (HQ's address follows as a mailto: link).
    public required string PrivacyTitle { get; init; }
    public required string PrivacyWhatIsKept { get; init; }
    public required string PrivacyWhy { get; init; }
    public required string PrivacyHowLong { get; init; }
    public required string PrivacyWhomToAsk { get; init; }

    /// <summary>
    /// A number of years ({0} the number) in each plural form the language has, separated by '|', in the order
    /// <see cref="Years"/> picks them: one|other (en, fr, es, de), one|few|many (ru), one|two|few|many (ar), one form (zh).
    /// </summary>
    public required string PrivacyYears { get; init; }

    /// <summary>"5 years", "5 лет", "5 سنوات": a number of years as the language counts them (CLDR's plural rules, cardinal).</summary>
    public string Years(int count)
    {
        var forms = PrivacyYears.Split('|');
        var form = Code switch
        {
            "ru" => count % 10 == 1 && count % 100 != 11 ? 0
                : count % 10 is >= 2 and <= 4 && count % 100 is < 12 or > 14 ? 1
                : 2,
            "ar" => count switch
            {
                1 => 0,
                2 => 1,
                _ => count % 100 is >= 3 and <= 10 ? 2 : 3,
            },
            "fr" => count <= 1 ? 0 : 1,
            _ => count == 1 ? 0 : 1,
        };
        return string.Format(CultureInfo.InvariantCulture, forms[Math.Min(form, forms.Length - 1)], count);
    }
}
