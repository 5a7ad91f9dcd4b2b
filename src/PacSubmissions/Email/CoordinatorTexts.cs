using System.Globalization;

namespace PacSubmissions.Email;

/// <summary>
/// The words of the coordinators' e-mails in IFLA's languages. Placeholders: {0} is the campaign year, {1} a date.
/// A language the project does not have gets English.
/// </summary>
public sealed record CoordinatorTexts(
    string Language,
    string Greeting,
    string ReminderSubject,
    string ReminderBody,
    string UploadPrompt,
    string LateSubject,
    string LateBody,
    string LateWindow,
    string LastNotice,
    string ReceiptSubject,
    string ReceiptBody,
    string File,
    string Received,
    string Timing,
    string OnTime,
    string Late,
    string ProblemsFound,
    string NoProblems,
    string NotChecked,
    string Correction,
    string Signature)
{
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

    public static readonly CoordinatorTexts English = new(
        "en",
        "Dear {0},",
        "Reminder: your PAC Centre report for {0} is due on {1}",
        "Your centre's annual report for {0} is due on {1}. We have not received it yet.",
        "Please upload it with your centre's personal link:",
        "Overdue: your PAC Centre report for {0}",
        "The deadline for your centre's report for {0} was {1}, and we have not received it.",
        "Late reports are accepted until {1}.",
        "This is the last reminder.",
        "Received: your PAC Centre report for {0}",
        "Thank you: we have received your centre's report for {0}.",
        "File",
        "Received",
        "Timing",
        "on time",
        "late",
        "The automatic check found these problems:",
        "The automatic check found no problems.",
        "The automatic check of the file has not finished yet.",
        "To send a corrected version, upload it with the same link; the newest version is the one that counts:",
        "IFLA PAC Submissions")
    {
        DatePattern = "dddd, d MMMM yyyy",
        DateTimePattern = "{0} at {1} ({2})",
        LinkSubject = "Your upload link for the PAC Centre report {0}",
        LinkReported = "We have your centre's report for {0}, received on {1}. To send a new version, upload it with this link:",
    };

    private static readonly CoordinatorTexts French = new(
        "fr",
        "Madame, Monsieur {0},",
        "Rappel : le rapport {0} de votre Centre PAC est attendu le {1}",
        "Le rapport annuel {0} de votre centre est attendu le {1}. Nous ne l'avons pas encore reçu.",
        "Veuillez le déposer avec le lien personnel de votre centre :",
        "En retard : le rapport {0} de votre Centre PAC",
        "La date limite du rapport {0} de votre centre était le {1}, et nous ne l'avons pas reçu.",
        "Les rapports en retard sont acceptés jusqu'au {1}.",
        "Ceci est le dernier rappel.",
        "Reçu : le rapport {0} de votre Centre PAC",
        "Merci : nous avons bien reçu le rapport {0} de votre centre.",
        "Fichier",
        "Reçu le",
        "Délai",
        "dans les délais",
        "en retard",
        "La vérification automatique a relevé ces problèmes :",
        "La vérification automatique n'a relevé aucun problème.",
        "La vérification automatique du fichier n'est pas encore terminée.",
        "Pour envoyer une version corrigée, déposez-la avec le même lien ; la version la plus récente fait foi :",
        "IFLA PAC Submissions")
    {
        DatePattern = "dddd d MMMM yyyy",
        DateTimePattern = "{0} à {1} ({2})",
        LinkSubject = "Votre lien de dépôt pour le rapport {0} de votre Centre PAC",
        LinkReported = "Nous avons bien le rapport {0} de votre centre, reçu le {1}. Pour envoyer une nouvelle version, déposez-la avec ce lien :",
    };

    private static readonly CoordinatorTexts Spanish = new(
        "es",
        "Estimado/a {0}:",
        "Recordatorio: el informe {0} de su Centro PAC vence el {1}",
        "El informe anual {0} de su centro vence el {1}. Todavía no lo hemos recibido.",
        "Por favor, súbalo con el enlace personal de su centro:",
        "Atrasado: el informe {0} de su Centro PAC",
        "El plazo del informe {0} de su centro venció el {1} y no lo hemos recibido.",
        "Se aceptan informes atrasados hasta el {1}.",
        "Este es el último recordatorio.",
        "Recibido: el informe {0} de su Centro PAC",
        "Gracias: hemos recibido el informe {0} de su centro.",
        "Archivo",
        "Recibido",
        "Plazo",
        "a tiempo",
        "con retraso",
        "La revisión automática encontró estos problemas:",
        "La revisión automática no encontró problemas.",
        "La revisión automática del archivo aún no ha terminado.",
        "Para enviar una versión corregida, súbala con el mismo enlace; cuenta la versión más reciente:",
        "IFLA PAC Submissions")
    {
        DatePattern = "dddd d 'de' MMMM 'de' yyyy",
        DateTimePattern = "{0} a las {1} ({2})",
        LinkSubject = "Su enlace para enviar el informe {0} de su Centro PAC",
        LinkReported = "Tenemos el informe {0} de su centro, recibido el {1}. Para enviar una nueva versión, súbala con este enlace:",
    };

    private static readonly CoordinatorTexts Russian = new(
        "ru",
        "Уважаемый(ая) {0}!",
        "Напоминание: отчёт вашего Центра PAC за {0} год ожидается до {1}",
        "Годовой отчёт вашего центра за {0} год нужно представить до {1}. Мы его ещё не получили.",
        "Пожалуйста, загрузите его по персональной ссылке вашего центра:",
        "Просрочено: отчёт вашего Центра PAC за {0} год",
        "Срок представления отчёта вашего центра за {0} год истёк {1}, а мы его не получили.",
        "Отчёты с опозданием принимаются до {1}.",
        "Это последнее напоминание.",
        "Получено: отчёт вашего Центра PAC за {0} год",
        "Спасибо: мы получили отчёт вашего центра за {0} год.",
        "Файл",
        "Получен",
        "Срок",
        "вовремя",
        "с опозданием",
        "Автоматическая проверка обнаружила следующие проблемы:",
        "Автоматическая проверка не обнаружила проблем.",
        "Автоматическая проверка файла ещё не завершена.",
        "Чтобы отправить исправленную версию, загрузите её по той же ссылке; учитывается самая новая версия:",
        "IFLA PAC Submissions")
    {
        DatePattern = "d MMMM yyyy 'г.' (dddd)",
        DateTimePattern = "{0}, {1} ({2})",
        LinkSubject = "Ваша ссылка для загрузки отчёта Центра PAC за {0} год",
        LinkReported = "Отчёт вашего центра за {0} год у нас есть: он получен {1}. Чтобы отправить новую версию, загрузите её по этой ссылке:",
    };

    private static readonly CoordinatorTexts German = new(
        "de",
        "Sehr geehrte/r {0},",
        "Erinnerung: Der Bericht {0} Ihres PAC-Zentrums ist am {1} fällig",
        "Der Jahresbericht {0} Ihres Zentrums ist am {1} fällig. Wir haben ihn noch nicht erhalten.",
        "Bitte laden Sie ihn über den persönlichen Link Ihres Zentrums hoch:",
        "Überfällig: der Bericht {0} Ihres PAC-Zentrums",
        "Die Frist für den Bericht {0} Ihres Zentrums endete am {1}, und wir haben ihn nicht erhalten.",
        "Verspätete Berichte werden bis zum {1} angenommen.",
        "Dies ist die letzte Erinnerung.",
        "Eingegangen: der Bericht {0} Ihres PAC-Zentrums",
        "Vielen Dank: Wir haben den Bericht {0} Ihres Zentrums erhalten.",
        "Datei",
        "Eingegangen",
        "Frist",
        "rechtzeitig",
        "verspätet",
        "Die automatische Prüfung hat diese Probleme gefunden:",
        "Die automatische Prüfung hat keine Probleme gefunden.",
        "Die automatische Prüfung der Datei ist noch nicht abgeschlossen.",
        "Eine korrigierte Fassung laden Sie über denselben Link hoch; es zählt die neueste Fassung:",
        "IFLA PAC Submissions")
    {
        DatePattern = "dddd, d. MMMM yyyy",
        DateTimePattern = "{0}, um {1} Uhr ({2})",
        LinkSubject = "Ihr Link zum Hochladen des Berichts {0} Ihres PAC-Zentrums",
        LinkReported = "Der Bericht {0} Ihres Zentrums liegt uns vor, eingegangen am {1}. Eine neue Fassung laden Sie über diesen Link hoch:",
    };

    private static readonly CoordinatorTexts Arabic = new(
        "ar",
        "السيد/السيدة {0}،",
        "تذكير: تقرير مركز PAC لعام {0} مستحق {1}",
        "التقرير السنوي لمركزكم لعام {0} مستحق {1}. لم نتلقه بعد.",
        "يرجى رفعه عبر الرابط الشخصي لمركزكم:",
        "متأخر: تقرير مركز PAC لعام {0}",
        "كان الموعد النهائي لتقرير مركزكم لعام {0} هو {1}، ولم نتلقه.",
        "تُقبل التقارير المتأخرة حتى {1}.",
        "هذا هو التذكير الأخير.",
        "تم الاستلام: تقرير مركز PAC لعام {0}",
        "شكرًا لكم: لقد تلقينا تقرير مركزكم لعام {0}.",
        "الملف",
        "تاريخ الاستلام",
        "الموعد",
        "في الموعد",
        "متأخر",
        "وجد الفحص الآلي المشكلات التالية:",
        "لم يجد الفحص الآلي أي مشكلات.",
        "لم يكتمل الفحص الآلي للملف بعد.",
        "لإرسال نسخة مصححة، ارفعها عبر الرابط نفسه؛ تُعتمد أحدث نسخة:",
        "IFLA PAC Submissions")
    {
        DatePattern = "'يوم' dddd، d MMMM yyyy",
        DateTimePattern = "{0}، الساعة {1} ({2})",
        LinkSubject = "رابط رفع تقرير مركز PAC لعام {0}",
        LinkReported = "لدينا تقرير مركزكم لعام {0}، وقد تلقيناه {1}. لإرسال نسخة جديدة، ارفعها عبر هذا الرابط:",
    };

    private static readonly CoordinatorTexts Chinese = new(
        "zh",
        "尊敬的{0}：",
        "提醒：贵PAC中心{0}年度报告的截止日期为{1}",
        "贵中心{0}年度报告的截止日期为{1}。我们尚未收到。",
        "请通过贵中心的专属链接上传：",
        "逾期：贵PAC中心{0}年度报告",
        "贵中心{0}年度报告的截止日期为{1}，我们尚未收到。",
        "逾期报告的接收截止到{1}。",
        "这是最后一次提醒。",
        "已收到：贵PAC中心{0}年度报告",
        "谢谢：我们已收到贵中心{0}年度报告。",
        "文件",
        "收到时间",
        "时限",
        "按时",
        "逾期",
        "自动检查发现以下问题：",
        "自动检查未发现问题。",
        "文件的自动检查尚未完成。",
        "如需提交修改后的版本，请通过同一链接上传；以最新版本为准：",
        "IFLA PAC Submissions")
    {
        DatePattern = "yyyy'年'M'月'd'日'dddd",
        DateTimePattern = "{0} {1}（{2}）",
        LinkSubject = "贵PAC中心{0}年度报告的上传链接",
        LinkReported = "我们已收到贵中心{0}年度报告，收到时间为{1}。如需提交新版本，请通过此链接上传：",
    };

    private static readonly Dictionary<string, CoordinatorTexts> ByLanguage =
        new[] { English, French, Spanish, Russian, German, Arabic, Chinese }.ToDictionary(t => t.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The texts for a language tag (<c>fr</c>, <c>fr-CA</c>, <c>zh-Hans</c>); English when the project lacks it.</summary>
    public static CoordinatorTexts For(string? language)
    {
        var tag = (language ?? "").Trim();
        var primary = tag.Split('-', '_')[0];
        return ByLanguage.GetValueOrDefault(primary) ?? English;
    }

    /// <summary>The culture dates are written in: the language's, always on the Gregorian calendar.</summary>
    public CultureInfo Culture()
    {
        // British English: day before month, as most of the world reads a date.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : Language).Clone();
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

    public static string Format(string template, int year, string date = "") =>
        string.Format(CultureInfo.InvariantCulture, template, year.ToString(CultureInfo.InvariantCulture), date);
}
