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
        "IFLA PAC Submissions");

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
        "IFLA PAC Submissions");

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
        "IFLA PAC Submissions");

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
        "IFLA PAC Submissions");

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
        "IFLA PAC Submissions");

    private static readonly CoordinatorTexts Arabic = new(
        "ar",
        "السيد/السيدة {0}،",
        "تذكير: تقرير مركز PAC لعام {0} مستحق في {1}",
        "التقرير السنوي لمركزكم لعام {0} مستحق في {1}. لم نتلقه بعد.",
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
        "IFLA PAC Submissions");

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
        "IFLA PAC Submissions");

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

    public static string Format(string template, int year, string date = "") =>
        string.Format(CultureInfo.InvariantCulture, template, year.ToString(CultureInfo.InvariantCulture), date);
}
