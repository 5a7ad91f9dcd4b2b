namespace PacSubmissions.Tests.Reports;

/// <summary>The IFLA PAC report form in each of IFLA's languages, with a filled-in report's answers, for building test documents.</summary>
public sealed record FormText(
    string Language,
    string[] Questions,
    string[] Answers,
    string Instruction,
    string PreparedByLine,
    string PreparedBy,
    string InstitutionWord)
{
    public IEnumerable<(string Question, string Answer)> Pairs => Questions.Zip(Answers);

    public static readonly FormText English = new("en",
    [
        "PAC Centre (hosting institution, country and contact information)",
        "International Cooperation (highlight activities and work the PAC Centre has done in the international preservation and conservation network and where your PAC Centre has provided support on an international level)",
        "Local Cooperation (highlight activities and work your PAC Centre has done in the local preservation and conservation network and where your PAC Centre has provided support on a local level)",
        "Workshops/trainings/events (what workshops/trainings/events has the PAC Centre organised? Which workshops/trainings/events did the PAC Centre participate in? both on international and national level)",
        "Involvement of the PAC Centre with the IFLA Initiatives (i.e. the Risk Register/FAQ)",
        "Suggestions to IFLA HQ on improvements to the PAC Centre network (e.g. gaps in expertise covered by the current PAC Centre network, communication issues, support requests (non-financial) etc.)",
        "New standards/guidelines/best practices which should be shared with the community",
        "Any other comments",
    ],
    [
        "IFLA PAC Centre for Oceania, hosted by the State Library of Victoria, Melbourne, Australia. E-mail: pac@slv-example.au, tel. +61 3 8664 7000",
        "Advised the National Library of Fiji on cyclone damage to its newspaper collection.",
        "Ran condition surveys for eleven regional libraries in Victoria.",
        "Organised a two-day workshop on the care of photographs for 40 participants.",
        "Contributed three entries to the IFLA Risk Register.",
        "A shared calendar of network events would help.",
        "Our guide to handling wet books is ready to share.",
        "Thank you for the support this year.",
    ],
    "Kindly submit to the PAC officer before 15 July 2021.",
    "The information was prepared by Jane Fletcher, PAC Centre coordinator.",
    "Jane Fletcher",
    "State Library of Victoria");

    public static readonly FormText French = new("fr",
    [
        "Centre PAC (institution d'accueil, pays et coordonnées)",
        "Coopération internationale (activités et travaux du Centre PAC dans le réseau international de préservation et de conservation)",
        "Coopération locale (activités et travaux du Centre PAC dans le réseau local de préservation et de conservation)",
        "Ateliers/formations/événements (quels ateliers le Centre PAC a-t-il organisés ou suivis ?)",
        "Participation du Centre PAC aux initiatives de l'IFLA (par ex. le Registre des risques/FAQ)",
        "Suggestions au siège de l'IFLA sur l'amélioration du réseau des Centres PAC",
        "Nouvelles normes/lignes directrices/bonnes pratiques à partager avec la communauté",
        "Autres commentaires",
    ],
    [
        "Centre PAC pour l'Europe de l'Ouest, Bibliothèque nationale de France, Paris. Courriel : pac@bnf-example.fr",
        "Le Centre a conseillé les bibliothèques du Maghreb sur la désinfection des collections.",
        "Formation de vingt restaurateurs des bibliothèques municipales.",
        "Deux ateliers sur la reliure ancienne en mai et en octobre.",
        "Traduction en français de la FAQ du Registre des risques.",
        "Des réunions en ligne plus fréquentes.",
        "Guide de conservation des cartes anciennes, disponible en ligne.",
        "Néant",
    ],
    "Ajoutez des ressources et des images supplémentaires à la fin du document.",
    "Rapport préparé par Marie Dubois, coordinatrice du Centre PAC.",
    "Marie Dubois",
    "Bibliothèque nationale de France");

    public static readonly FormText Spanish = new("es",
    [
        "Centro PAC (institución anfitriona, país e información de contacto)",
        "Cooperación internacional (actividades y trabajos del Centro PAC en la red internacional de preservación y conservación)",
        "Cooperación local (actividades y trabajos del Centro PAC en la red local de preservación y conservación)",
        "Talleres/capacitaciones/eventos (¿qué talleres organizó el Centro PAC o en cuáles participó?)",
        "Participación del Centro PAC en las iniciativas de la IFLA (p. ej. el Registro de Riesgos/FAQ)",
        "Sugerencias a la sede de la IFLA sobre mejoras de la red de Centros PAC",
        "Nuevas normas/directrices/buenas prácticas que deberían compartirse con la comunidad",
        "Otros comentarios",
    ],
    [
        "Centro PAC para América Latina, Biblioteca Nacional de Chile, Santiago. Correo: pac@bn-example.cl",
        "Asesoría a la Biblioteca Nacional del Perú sobre control de plagas.",
        "Diagnóstico de conservación en doce bibliotecas regionales.",
        "Curso en línea de conservación preventiva con 150 participantes.",
        "Participamos en la revisión del Registro de Riesgos.",
        "Más materiales de formación en español.",
        "N/A",
        "Ninguno",
    ],
    "Por favor envíe su informe antes del 15 de julio.",
    "Informe elaborado por Carlos Ruiz, coordinador del Centro PAC.",
    "Carlos Ruiz",
    "Biblioteca Nacional de Chile");

    public static readonly FormText Russian = new("ru",
    [
        "Центр PAC (принимающая организация, страна и контактная информация)",
        "Международное сотрудничество (деятельность Центра PAC в международной сети сохранения и консервации)",
        "Местное сотрудничество (деятельность Центра PAC в местной сети сохранения и консервации)",
        "Семинары/тренинги/мероприятия (какие мероприятия организовал Центр PAC и в каких участвовал?)",
        "Участие Центра PAC в инициативах ИФЛА (например, Реестр рисков/FAQ)",
        "Предложения в штаб-квартиру ИФЛА по улучшению сети Центров PAC",
        "Новые стандарты/руководства/передовой опыт, которыми следует поделиться с сообществом",
        "Другие комментарии",
    ],
    [
        "Региональный центр PAC, Национальная библиотека Республики Казахстан, Алматы. Эл. почта: pac@nlrk-example.kz",
        "Провели онлайн-встречу с Центром PAC для Восточной Европы.",
        "Занятия для реставраторов из Кызылординской области.",
        "Мастер-класс по реставрации редких книг в Ташкенте.",
        "Подготовлена статья для электронного журнала ИФЛА.",
        "Нет",
        "Нет",
        "-",
    ],
    "Добавьте дополнительные ресурсы и картинки в конце документа.",
    "Отчет подготовила Анна Иванова, координатор регионального центра.",
    "Анна Иванова",
    "Национальная библиотека Республики Казахстан");

    public static readonly FormText German = new("de",
    [
        "PAC-Zentrum (Gastinstitution, Land und Kontaktdaten)",
        "Internationale Zusammenarbeit (Aktivitäten des PAC-Zentrums im internationalen Netzwerk für Bestandserhaltung)",
        "Lokale Zusammenarbeit (Aktivitäten des PAC-Zentrums im lokalen Netzwerk für Bestandserhaltung)",
        "Workshops/Schulungen/Veranstaltungen (welche Veranstaltungen hat das PAC-Zentrum organisiert oder besucht?)",
        "Beteiligung des PAC-Zentrums an den IFLA-Initiativen (z. B. Risikoregister/FAQ)",
        "Vorschläge an die IFLA-Zentrale zur Verbesserung des PAC-Netzwerks",
        "Neue Standards/Richtlinien/bewährte Verfahren, die mit der Gemeinschaft geteilt werden sollten",
        "Weitere Kommentare",
    ],
    [
        "PAC-Zentrum für Mitteleuropa, Deutsche Nationalbibliothek, Leipzig. E-Mail: pac@dnb-example.de, Tel. +49 341 2271 0",
        "Beratung der Nationalbibliothek Polens zur Massenentsäuerung.",
        "Schulung von Mitarbeitenden aus zwölf Landesbibliotheken.",
        "Fachtagung zur Notfallvorsorge mit 80 Teilnehmenden.",
        "Mitarbeit am Risikoregister der IFLA.",
        "Keine",
        "Leitfaden zur Notfallvorsorge in Bibliotheken.",
        "Keine Anmerkungen",
    ],
    "Bitte senden Sie den Bericht bis zum 15. Juli.",
    "Bericht erstellt von Hans Müller, Koordinator des PAC-Zentrums.",
    "Hans Müller",
    "Deutsche Nationalbibliothek");

    public static readonly FormText Arabic = new("ar",
    [
        "مركز PAC (المؤسسة المضيفة والبلد ومعلومات الاتصال)",
        "التعاون الدولي (أنشطة المركز في الشبكة الدولية للحفظ والصيانة)",
        "التعاون المحلي (أنشطة المركز في الشبكة المحلية للحفظ والصيانة)",
        "ورش العمل/الدورات التدريبية/الفعاليات (ما الورش التي نظمها المركز أو شارك فيها؟)",
        "مشاركة مركز PAC في مبادرات الإفلا (مثل سجل المخاطر/الأسئلة الشائعة)",
        "اقتراحات إلى مقر الإفلا بشأن تحسين شبكة مراكز PAC",
        "معايير جديدة/مبادئ توجيهية/أفضل الممارسات التي ينبغي مشاركتها مع المجتمع",
        "تعليقات أخرى",
    ],
    [
        "مركز PAC للعالم العربي، مكتبة الإسكندرية، الإسكندرية، مصر. البريد الإلكتروني: pac@bibalex-example.org",
        "قدم المركز المشورة لمكتبات في لبنان بشأن ترميم المخطوطات.",
        "تدريب موظفي المكتبات العامة على الحفظ الوقائي.",
        "ورشة عمل حول ترميم الورق بمشاركة 30 متدربا.",
        "شارك المركز في مراجعة سجل المخاطر.",
        "لا يوجد",
        "دليل لحفظ المخطوطات العربية.",
        "لا شيء",
    ],
    "يرجى إرسال التقرير قبل 15 يوليو.",
    "أعده: أحمد علي، منسق المركز.",
    "أحمد علي",
    "مكتبة");

    public static readonly FormText Chinese = new("zh",
    [
        "PAC中心（主办机构、国家和联系信息）",
        "国际合作（PAC中心在国际保护网络中开展的活动和工作）",
        "本地合作（PAC中心在本地保护网络中开展的活动和工作）",
        "研讨会/培训/活动（PAC中心组织或参加了哪些研讨会、培训和活动？）",
        "PAC中心参与国际图联倡议的情况（如风险登记册/常见问题）",
        "对国际图联总部关于改进PAC中心网络的建议",
        "应与业界分享的新标准/指南/最佳做法",
        "其他意见",
    ],
    [
        "国际图联PAC中国中心，设在中国国家图书馆，北京。电子邮件：pac@nlc-example.cn",
        "与东京和首尔的PAC中心开展了线上交流。",
        "为十四个省级图书馆开展古籍普查。",
        "举办全国纸质文献修复培训班，45人参加。",
        "为风险登记册提供了两个案例。",
        "建立网络活动共享日历。",
        "古籍修复国家标准（2021年修订）。",
        "无",
    ],
    "请于7月15日前提交报告。",
    "报告编写人：李文静",
    "李文静",
    "图书馆");

    public static readonly IReadOnlyList<FormText> All = [English, French, Spanish, Russian, German, Arabic, Chinese];

    public static FormText Of(string language) => All.Single(f => f.Language == language);
}
