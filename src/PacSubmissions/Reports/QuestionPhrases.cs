using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>
/// How the form's questions start, in IFLA's languages (English, French, Spanish, Russian, German, Arabic, Chinese).
/// Phrases are compared accent- and case-folded; "…" stands for a few words in between.
/// The centre question is matched whole, because "PAC Centre" also starts titles like "IFLA PAC Centre annual report".
/// </summary>
internal static class QuestionPhrases
{
    private static readonly (string Key, bool Whole, string[] Phrases)[] Table =
    [
        (FormSections.Centre, true,
        [
            "pac centre", "pac center", "ifla pac centre", "ifla pac center", "the pac centre", "centre", "center", "hosting institution", "host institution",
            "centre pac", "le centre pac", "centre pac de l'ifla", "institution d'accueil",
            "centro pac", "el centro pac", "centro", "institución anfitriona",
            "центр pac", "центр пак", "центр", "региональный центр pac", "принимающая организация",
            "pac-zentrum", "pac zentrum", "zentrum", "gastinstitution", "trägerinstitution",
            "مركز pac", "المركز", "مركز الحفظ", "المؤسسة المضيفة",
            "pac中心", "pac 中心", "ifla pac中心", "中心", "主办机构", "中心概况",
        ]),
        (FormSections.InternationalCooperation, false,
        [
            "international cooperation", "international co-operation", "international collaboration",
            "coopération internationale", "cooperación internacional", "международное сотрудничество",
            "internationale zusammenarbeit", "internationale kooperation", "التعاون الدولي", "国际合作", "国际交流与合作",
        ]),
        (FormSections.LocalCooperation, false,
        [
            "local cooperation", "local co-operation", "local collaboration", "local and national cooperation",
            "coopération locale", "cooperación local", "местное сотрудничество", "локальное сотрудничество", "сотрудничество на местном уровне",
            "lokale zusammenarbeit", "lokale kooperation", "zusammenarbeit vor ort", "التعاون المحلي", "本地合作", "地方合作", "国内合作",
        ]),
        (FormSections.Workshops, false,
        [
            "workshops", "workshop", "trainings", "training", "events",
            "ateliers", "atelier", "formations", "formation",
            "talleres", "taller", "capacitaciones", "cursos",
            "семинары", "семинар", "тренинги", "мастер-классы", "мероприятия", "обучение",
            "schulungen", "fortbildungen", "veranstaltungen",
            "ورش العمل", "ورش عمل", "ورشات العمل", "الدورات التدريبية", "研讨会", "讲习班", "培训", "工作坊",
        ]),
        (FormSections.IflaInitiatives, false,
        [
            "involvement…ifla initiatives", "involvement…ifla initiative", "ifla initiatives", "participation…ifla initiatives",
            "participation…initiatives de l'ifla", "implication…initiatives de l'ifla", "engagement…initiatives de l'ifla", "initiatives de l'ifla",
            "participación…iniciativas de la ifla", "implicación…iniciativas de la ifla", "iniciativas de la ifla",
            "участие…инициатив", "инициативы ифла", "инициативы ifla",
            "beteiligung…initiativen", "mitwirkung…initiativen", "ifla-initiativen",
            "مشاركة…مبادرات", "المشاركة…مبادرات", "مبادرات الإفلا", "مبادرات إفلا",
            "参与…倡议", "pac中心参与…倡议", "中心参与…倡议", "国际图联倡议", "ifla倡议",
        ]),
        (FormSections.Suggestions, false,
        [
            "suggestions", "suggestion", "recommendations to ifla", "propositions", "sugerencias", "propuestas",
            "предложения", "пожелания", "vorschläge", "anregungen", "اقتراحات", "مقترحات", "الاقتراحات", "建议", "对国际图联总部…建议",
        ]),
        (FormSections.Standards, false,
        [
            "new standards", "standards", "new guidelines", "guidelines", "best practices",
            "nouvelles normes", "normes", "nouveaux standards", "nouvelles lignes directrices",
            "nuevas normas", "normas", "nuevos estándares", "nuevas directrices",
            "новые стандарты", "стандарты", "новые руководства", "neue standards", "neue normen", "neue richtlinien",
            "معايير جديدة", "المعايير الجديدة", "المعايير", "معايير", "新标准", "新的标准", "标准", "应与…分享的新标准",
        ]),
        (FormSections.OtherComments, false,
        [
            "any other comments", "any other comment", "other comments", "additional comments", "comments",
            "autres commentaires", "autres remarques", "commentaires", "otros comentarios", "comentarios",
            "другие комментарии", "прочие комментарии", "иные комментарии", "комментарии",
            "weitere kommentare", "sonstige kommentare", "sonstige anmerkungen", "weitere anmerkungen", "anmerkungen", "kommentare",
            "أي تعليقات أخرى", "تعليقات أخرى", "ملاحظات أخرى", "تعليقات", "其他意见", "其它意见", "其他评论", "其他说明",
        ]),
    ];

    /// <summary>Letters that would make a phrase match only part of a word ("events" in "eventsxyz"); CJK needs no boundary.</summary>
    private const string WordBoundary = @"(?![a-z0-9а-яß\p{IsArabic}])";

    private const string CentreSuffix = @"(?:\s+(?:information|details|contacts?(?:\s+information)?|profile))?$";

    public static IReadOnlyList<(string Key, Regex Pattern)> Patterns { get; } = Table
        .Select(entry => (entry.Key, new Regex(
            "^(?:" + string.Join("|", entry.Phrases.OrderByDescending(p => p.Length).Select(p => ToPattern(p, entry.Whole))) + ")"
                + (entry.Whole ? CentreSuffix : ""),
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1))))
        .ToList();

    /// <summary>A phrase with "…" ends in a word stem ("инициатив" for "инициативах"), so it needs no boundary after it.</summary>
    private static string ToPattern(string phrase, bool whole) =>
        string.Join(".{0,80}?", TextCleaner.Fold(phrase).Split('…').Select(Regex.Escape))
            + (whole || phrase.Contains('…', StringComparison.Ordinal) ? "" : WordBoundary);
}
