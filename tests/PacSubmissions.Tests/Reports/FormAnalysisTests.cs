using PacSubmissions.Forms;
using PacSubmissions.Reports;

namespace PacSubmissions.Tests.Reports;

/// <summary>The form analysis on blocks as the format readers hand them over: placeholders, hints, inline answers, non-answers, closing text, contact facts, and when to ask HQ to look.</summary>
public sealed class FormAnalysisTests
{
    private static readonly FormText Form = FormText.English;

    private static FormAnalysis Analyze(params DocumentBlock[] blocks) => FormAnalyzer.Analyze(blocks, CancellationToken.None);

    private static DocumentBlock Q(string text) => new(text, BlockKind.Emphasized);

    private static DocumentBlock T(string text) => new(text, BlockKind.Text);

    private static DocumentBlock Label(string text) => new(text, BlockKind.TableLabel);

    /// <summary>The first five questions, short, each with its answer: a valid report to vary one thing in.</summary>
    private static IEnumerable<DocumentBlock> RequiredAnswered(int skip = -1) =>
        Form.Pairs.Take(5).Select((p, i) => (p, i)).Where(x => x.i != skip).SelectMany(x => new[] { Q(FormDefinitions.Current.Questions[x.i].TextIn("en")), T(x.p.Answer) });

    private static ReportSection Section(FormAnalysis analysis, string key) => Assert.Single(analysis.Sections, s => s.Key == key);

    [Theory]
    [InlineData("Click or tap here to enter text.")]
    [InlineData("Cliquez ou appuyez ici pour entrer du texte.")]
    [InlineData("Haga clic o pulse aquí para escribir texto.")]
    [InlineData("Щелкните или коснитесь здесь, чтобы ввести текст.")]
    [InlineData("Klicken oder tippen Sie hier, um Text einzugeben.")]
    [InlineData("انقر أو اضغط هنا لإدخال نص.")]
    [InlineData("单击或点击此处输入文字。")]
    public void WordsPlaceholderTextInAnyLanguageIsNoAnswer(string placeholder)
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 2), Q("Local Cooperation"), T(placeholder)]);

        Assert.False(Section(analysis, FormSections.LocalCooperation).Answered);
        Assert.Equal(ReportStatus.Incomplete, analysis.Status);
    }

    [Fact]
    public void AControlStillShowingItsPlaceholderIsNoAnswerWhateverItSays()
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 2), Q("Local Cooperation"), T("Describe your local work here") with { IsPlaceholder = true }]);

        Assert.False(Section(analysis, FormSections.LocalCooperation).Answered);
        Assert.Contains(analysis.Problems, p => p.Section == FormSections.LocalCooperation);
    }

    [Fact]
    public void ControlsTaggedWithQuestionKeysAreReadByTheirTagsInAnyOrderAndLayout()
    {
        var keys = FormDefinitions.Current.Keys;
        var blocks = keys.Zip(Form.Answers).Reverse()
            .Select(p => new DocumentBlock(p.Second, BlockKind.Text) { ControlTag = p.First })
            .Prepend(Q("Our year in brief"))
            .ToArray();

        var analysis = Analyze(blocks);

        Assert.Equal(ReportStatus.Valid, analysis.Status);
        Assert.Equal(keys.Order(StringComparer.Ordinal), analysis.Sections.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(keys.Zip(Form.Answers), p => Assert.Equal(p.Second, Section(analysis, p.First).Text));
        Assert.Equal("Local Cooperation", Section(analysis, FormSections.LocalCooperation).Question);
    }

    [Fact]
    public void ATaggedControlLeftAtItsPlaceholderIsThereButUnanswered()
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 3), new DocumentBlock("Click or tap here to enter text.", BlockKind.Text) { ControlTag = FormSections.Workshops, IsPlaceholder = true }]);

        Assert.False(Section(analysis, FormSections.Workshops).Answered);
        Assert.Contains(analysis.Problems, p => p is { Code: ProblemCodes.UnansweredSection, Section: FormSections.Workshops });
    }

    [Fact]
    public void TheHintInItsOwnBracketedParagraphBelongsToTheQuestion()
    {
        var analysis = Analyze(Q("International Cooperation"), T("(highlight activities and work the PAC Centre has done in the international preservation and conservation network)"), T(Form.Answers[1]));

        Assert.Equal(Form.Answers[1], Section(analysis, FormSections.InternationalCooperation).Text);
    }

    [Fact]
    public void AnItalicHintWithoutBracketsBelongsToTheQuestion()
    {
        var hint = FormDefinitions.Current.Question(FormSections.Workshops)!.HintIn("en")!;
        var analysis = Analyze(Q("Workshops/trainings/events"), T(hint) with { IsSubdued = true }, T(Form.Answers[3]));

        Assert.Equal(Form.Answers[3], Section(analysis, FormSections.Workshops).Text);
    }

    [Fact]
    public void TheFormsHintInPlainTypeUnderItsQuestionIsNotTheAnswer()
    {
        var hint = FormDefinitions.Current.Question(FormSections.LocalCooperation)!.HintIn("fr")!;
        var analysis = Analyze(Q("Coopération locale"), T(hint), T("Formation de vingt restaurateurs."));

        Assert.Equal("Formation de vingt restaurateurs.", Section(analysis, FormSections.LocalCooperation).Text);
    }

    [Fact]
    public void AnItalicAnswerThatIsNotTheHintStaysTheAnswer()
    {
        var analysis = Analyze(Q("Local Cooperation"), T("Ran condition surveys for eleven regional libraries in Victoria.") with { IsSubdued = true });

        Assert.True(Section(analysis, FormSections.LocalCooperation).Answered);
    }

    [Fact]
    public void AnAnswerTypedOnTheQuestionsLineAfterTheBracketedHintIsTheAnswerAndItsContactsCount()
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 0),
            Q("PAC Centre (hosting institution, country and contact information) National Library of Iceland, Reykjavík, pac [at] landsbokasafn.is")]);

        var centre = Section(analysis, FormSections.Centre);
        Assert.True(centre.Answered);
        Assert.StartsWith("National Library of Iceland", centre.Text, StringComparison.Ordinal);
        Assert.Contains("pac@landsbokasafn.is", analysis.Emails);
        Assert.Equal("National Library of Iceland", analysis.Institution);
    }

    [Fact]
    public void AnAnswerAfterTheUnbracketedHintOnABoldLedLineIsTheAnswer()
    {
        var hint = FormDefinitions.Current.Question(FormSections.IflaInitiatives)!.HintIn("en")!;
        var analysis = Analyze(new DocumentBlock($"Involvement of the PAC Centre with the IFLA Initiatives {hint}: Contributed three entries.", BlockKind.Text,
            "Involvement of the PAC Centre with the IFLA Initiatives"));

        Assert.Equal("Contributed three entries.", Section(analysis, FormSections.IflaInitiatives).Text);
    }

    [Fact]
    public void AnAnswerAfterAColonOnThePlainQuestionLineIsTheAnswer()
    {
        var analysis = Analyze(T("Local Cooperation: surveys for eleven libraries, tel. +61 3 8664 7000"));

        Assert.Equal("surveys for eleven libraries, tel. +61 3 8664 7000", Section(analysis, FormSections.LocalCooperation).Text);
        Assert.Contains("+61 3 8664 7000", analysis.Phones);
    }

    [Fact]
    public void TwoQuestionsUnderOneHeadingAreBothAnsweredAndAMissingOneStaysMissing()
    {
        var analysis = Analyze([.. RequiredAnswered().Take(6), Q("4. Workshops / 5. Involvement with IFLA initiatives"), T("A workshop on the Risk Register for 40 people.")]);

        Assert.True(Section(analysis, FormSections.Workshops).Answered);
        Assert.True(Section(analysis, FormSections.IflaInitiatives).Answered);
        Assert.Equal(Section(analysis, FormSections.Workshops).Text, Section(analysis, FormSections.IflaInitiatives).Text);
        Assert.DoesNotContain(analysis.Sections, s => s.Key == FormSections.Suggestions);
        Assert.Equal(ReportStatus.Valid, analysis.Status);
    }

    [Theory]
    [InlineData("Not applicable this year.")]
    [InlineData("None at this stage.")]
    [InlineData("Nothing to report this year.")]
    [InlineData("To be completed.")]
    [InlineData("See attached.")]
    [InlineData("—")]
    [InlineData("N/A")]
    [InlineData("Нет")]
    [InlineData("Пока нет.")]
    [InlineData("Néant")]
    [InlineData("Rien à signaler pour le moment.")]
    [InlineData("Ninguno")]
    [InlineData("Nada que informar este año.")]
    [InlineData("Keine")]
    [InlineData("Derzeit keine.")]
    [InlineData("لا يوجد")]
    [InlineData("无")]
    [InlineData("目前暂无。")]
    public void NonAnswersInTheirNaturalFormsLeaveTheQuestionUnanswered(string nonAnswer)
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 4), Q("Involvement of the PAC Centre with the IFLA Initiatives"), T(nonAnswer)]);

        Assert.False(Section(analysis, FormSections.IflaInitiatives).Answered);
        Assert.Equal(ReportStatus.Incomplete, analysis.Status);
    }

    [Theory]
    [InlineData("No activities this year.")]
    [InlineData("Aucune activité cette année.")]
    [InlineData("Keine Veranstaltungen.")]
    [InlineData("Нет мероприятий.")]
    [InlineData("لا توجد أنشطة")]
    [InlineData("无重大活动。")]
    public void ANegationWithAWordOrTwoIsNoAnswerAndAskedToBeChecked(string nonAnswer)
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 3), Q("Workshops/trainings/events"), T(nonAnswer)]);

        Assert.False(Section(analysis, FormSections.Workshops).Answered);
        Assert.Contains(analysis.Review, r => r is { Code: ReviewCodes.LooseNonAnswer, Section: FormSections.Workshops });
    }

    [Fact]
    public void AKnownNonAnswerNeedsNoReview()
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 3), Q("Workshops/trainings/events"), T("None at this stage.")]);

        Assert.False(Section(analysis, FormSections.Workshops).Answered);
        Assert.Empty(analysis.Review);
    }

    [Theory]
    [InlineData("None of our staff could travel, but we hosted two webinars on the Risk Register.")]
    [InlineData("No funding this year; we still translated the FAQ.")]
    [InlineData("No, but we ran two workshops on wet books.")]
    [InlineData("Nothing new in the register, but we reviewed twelve entries.")]
    public void AnAnswerThatStartsLikeANonAnswerButReportsSomethingCounts(string answer)
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 4), Q("Involvement of the PAC Centre with the IFLA Initiatives"), T(answer)]);

        Assert.True(Section(analysis, FormSections.IflaInitiatives).Answered);
        Assert.Equal(ReportStatus.Valid, analysis.Status);
    }

    [Theory]
    [InlineData("Bitte ergänzen Sie Ihre Angaben und senden Sie den Bericht bis zum 15. Juli.")]
    [InlineData("Please complete all sections before sending the report to IFLA HQ.")]
    [InlineData("Veuillez compléter chaque rubrique.")]
    [InlineData("请填写以上各项并提交。")]
    public void ClosingInstructionsInOtherWordingsJoinNoAnswer(string instruction)
    {
        var analysis = Analyze([.. RequiredAnswered(), T(instruction)]);

        Assert.Equal(Form.Answers[4], Section(analysis, FormSections.IflaInitiatives).Text);
    }

    [Fact]
    public void ASuggestionWordedAsARequestIsAnAnswerNotAnInstruction()
    {
        var analysis = Analyze([.. RequiredAnswered(), Q("Suggestions to IFLA HQ on improvements to the PAC Centre network"), T("Please add a shared calendar of network events.")]);

        Assert.True(Section(analysis, FormSections.Suggestions).Answered);
    }

    [Fact]
    public void ALettersGreetingAndSignOffBelongToNoAnswer()
    {
        var analysis = Analyze([T("Dear colleagues,"), T("please find our report below."), .. RequiredAnswered(), T("Yours sincerely,"), T("Jane Fletcher"), T("Head of Preservation")]);

        Assert.Equal(Form.Answers[4], Section(analysis, FormSections.IflaInitiatives).Text);
        Assert.DoesNotContain(analysis.Sections, s => s.Text.Contains("Dear", StringComparison.Ordinal));
    }

    [Fact]
    public void ANumberedSectionTheFormDoesNotAskForBelongsToNoAnswer()
    {
        var analysis = Analyze([.. RequiredAnswered().Take(8), Q("5. Involvement of the PAC Centre with the IFLA Initiatives"), T(Form.Answers[4]),
            Q("9. Staff changes"), T("Our conservator retired in May.")]);

        Assert.Equal(Form.Answers[4], Section(analysis, FormSections.IflaInitiatives).Text);
    }

    [Fact]
    public void APreparedByLabelTakesTheNameFromTheNextLineWithItsTitle()
    {
        var analysis = Analyze([.. RequiredAnswered(), T("Prepared by:"), T("Dr. Jane Smith")]);

        Assert.Equal("Dr. Jane Smith", analysis.PreparedBy);
        Assert.Equal(Form.Answers[4], Section(analysis, FormSections.IflaInitiatives).Text);
    }

    [Fact]
    public void APreparedByTableLabelTakesTheNameFromTheNextCell()
    {
        var analysis = Analyze([.. RequiredAnswered(), Label("Prepared by"), T("Mag. Katharina Berger")]);

        Assert.Equal("Mag. Katharina Berger", analysis.PreparedBy);
    }

    [Fact]
    public void AnEmptyPreparedByCellFollowedByAQuestionNamesNoOne()
    {
        var analysis = Analyze([.. RequiredAnswered().Take(4), Label("Prepared by"), Label("Local Cooperation"), T(Form.Answers[2])]);

        Assert.Null(analysis.PreparedBy);
        Assert.Equal(Form.Answers[2], Section(analysis, FormSections.LocalCooperation).Text);
    }

    [Theory]
    [InlineData("Prepared by Dr. Jane Smith, PAC Centre coordinator.", "Dr. Jane Smith")]
    [InlineData("Report prepared by Mag. Katharina Berger.", "Mag. Katharina Berger")]
    [InlineData("Erstellt von Prof. Dr. Hans Müller, Leiter.", "Prof. Dr. Hans Müller")]
    public void APreparedByLineKeepsTheTitle(string line, string name)
    {
        var analysis = Analyze([.. RequiredAnswered(), T(line)]);

        Assert.Equal(name, analysis.PreparedBy);
    }

    [Theory]
    [InlineData("Hosted by the National and University Library of Iceland, Reykjavík.", "National and University Library of Iceland")]
    [InlineData("Centre PAC, Bibliothèque de l'Université de Genève, Suisse.", "Bibliothèque de l'Université de Genève")]
    [InlineData("مركز PAC، مكتبة الملك فهد الوطنية، الرياض", "مكتبة الملك فهد الوطنية")]
    public void InstitutionNamesAreTakenWhole(string centreAnswer, string institution)
    {
        var analysis = Analyze(Q("PAC Centre"), T(centreAnswer));

        Assert.Equal(institution, analysis.Institution);
    }

    [Fact]
    public void TheLabelInstitutionIsNeverTakenForTheName()
    {
        var analysis = Analyze(Q("PAC Centre"), Label("Institution"), T("National and University Library of Iceland"), Label("Host institution:"), T("Reykjavík"));

        Assert.Equal("National and University Library of Iceland", analysis.Institution);
    }

    [Theory]
    [InlineData("Contact: pac [at] nlc-example.cn", "pac@nlc-example.cn")]
    [InlineData("E-mail: conservation(at)bnf-example(dot)fr", "conservation@bnf-example.fr")]
    public void ASpelledOutAddressIsReadAsAnAddress(string line, string email)
    {
        var analysis = Analyze(Q("PAC Centre"), T(line));

        Assert.Contains(email, analysis.Emails);
    }

    [Fact]
    public void AddressesThatAreOnlyALinksTargetAreTheReportsEmails()
    {
        var analysis = Analyze(Q("PAC Centre"), T("Write to the coordinator") with { LinkedEmails = ["coordinator@slv-example.au"] });

        Assert.Equal(["coordinator@slv-example.au"], analysis.Emails);
    }

    [Fact]
    public void AReadingItIsSureOfNeedsNoReview()
    {
        var analysis = Analyze([.. Form.Pairs.SelectMany(p => new[] { Q(p.Question), T(p.Answer) })]);

        Assert.Empty(analysis.Review);
        Assert.Equal(FormDefinitions.CurrentVersion, analysis.FormVersion);
    }

    [Fact]
    public void AQuestionFoundOnlyByLikenessNeedsReview()
    {
        var analysis = Analyze([.. RequiredAnswered(), Q("Practices which should be shared with colleagues"), T("Our guide to wet books.")]);

        Assert.True(Section(analysis, FormSections.Standards).Answered);
        var reason = Assert.Single(analysis.Review);
        Assert.Equal((ReviewCodes.LooseQuestion, FormSections.Standards), (reason.Code, reason.Section));
    }

    [Fact]
    public void ARewordedQuestionThatSharesNearlyAllItsWordsIsFoundSurely()
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 1), Q("Cooperation, international"), T(Form.Answers[1])]);

        Assert.True(Section(analysis, FormSections.InternationalCooperation).Answered);
        Assert.Empty(analysis.Review);
    }

    [Fact]
    public void AnAnswerOfAWordOrTwoThatIsNoKnownNonAnswerNeedsReview()
    {
        var analysis = Analyze([.. RequiredAnswered(skip: 2), Q("Local Cooperation"), T("Ongoing.")]);

        Assert.True(Section(analysis, FormSections.LocalCooperation).Answered);
        Assert.Contains(analysis.Review, r => r is { Code: ReviewCodes.ShortAnswer, Section: FormSections.LocalCooperation });
    }

    [Fact]
    public void TextWithNoneOfTheFormsQuestionsNeedsReviewAsAnUnknownLayout()
    {
        var analysis = Analyze(T(string.Join(' ', Enumerable.Repeat("This year the centre surveyed collections and trained staff.", 5))));

        Assert.Equal(ReviewCodes.UnknownLayout, Assert.Single(analysis.Review).Code);
    }

    [Fact]
    public void ALongDocumentShowingFewerThanHalfTheQuestionsNeedsReview()
    {
        var prose = string.Join(' ', Enumerable.Repeat("This year the centre surveyed collections and trained staff.", 40));
        var analysis = Analyze(Q("PAC Centre"), T(Form.Answers[0]), Q("International Cooperation"), T(prose), T(prose));

        Assert.Contains("Only 2 of the form's 8 questions", Assert.Single(analysis.Review, r => r.Code == ReviewCodes.UnknownLayout).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortIncompleteReportIsIncompleteWithoutNeedingReview()
    {
        var analysis = Analyze(Q("PAC Centre"), T(Form.Answers[0]), Q("International Cooperation"), T(Form.Answers[1]));

        Assert.Equal(ReportStatus.Incomplete, analysis.Status);
        Assert.Empty(analysis.Review);
    }

    [Fact]
    public void AnUnusuallyLongAnswerNeedsReview()
    {
        var analysis = Analyze([.. RequiredAnswered(), Q("Any other comments"), T(string.Join(' ', Enumerable.Repeat("word", 4500)))]);

        Assert.Contains(analysis.Review, r => r is { Code: ReviewCodes.LongAnswer, Section: FormSections.OtherComments });
    }
}
