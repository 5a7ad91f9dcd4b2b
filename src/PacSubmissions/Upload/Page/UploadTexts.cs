using System.Globalization;
using PacSubmissions.Forms;
using PacSubmissions.Reports;

namespace PacSubmissions.Upload.Page;

/// <summary>
/// Every sentence the upload page shows, in one language. All members are required, so a language missing a sentence
/// does not compile. Placeholders ({0}, {1}) are filled by <see cref="UploadPage"/>.
/// </summary>
public sealed partial class UploadTexts
{
    public required string Code { get; init; }
    public required string NativeName { get; init; }
    public bool RightToLeft { get; init; }
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

    /// <summary>
    /// A problem in plain words in this language, with what to do about it, for the page and the coordinator's e-mails
    /// alike, so a library's or the reader's own (English) message never reaches a coordinator.
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
            ProblemCodes.Malicious => ProblemMalicious,
            ProblemCodes.MoreProblems => ProblemMore,
            ProblemCodes.MissingSection => string.Format(CultureInfo.InvariantCulture, ProblemMissingSection, question),
            ProblemCodes.UnansweredSection => string.Format(CultureInfo.InvariantCulture, ProblemUnansweredSection, question),
            _ => ProblemOther,
        };
    }
}
