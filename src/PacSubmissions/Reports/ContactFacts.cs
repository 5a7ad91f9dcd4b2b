using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>The contact facts a report states: e-mail addresses, telephone numbers, the hosting institution and the centre's name.</summary>
internal static partial class ContactFacts
{
    private const int MinPhoneDigits = 7;
    private const int PhoneKeywordReach = 40;

    /// <summary>Addresses as written, and as people spell them against harvesters ("pac [at] nlc.cn", "pac(at)bnf(dot)fr").</summary>
    public static IReadOnlyList<string> Emails(IEnumerable<string> texts) =>
        texts.Select(t => SpelledDot().Replace(SpelledAt().Replace(t, "@"), "."))
            .SelectMany(t => Email().Matches(t).Select(m => m.Value.TrimEnd('.')))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// Whether the text is one e-mail address and nothing else, by the same rule <see cref="Emails"/> finds them with: the
    /// one rule for an address anywhere (the register's CSV, the coordinator an e-mail goes to, the e-mail settings).
    /// ASCII only, with a dot in the domain, as SendGrid and every centre's address need; an apostrophe inside the local
    /// part (o'brien@…) is allowed, one around the address (quoting it in a sentence) is not part of it.
    /// </summary>
    public static bool IsAddress(string? text) =>
        text is not null && Email().Match(text) is { Success: true } match && match.Length == text.Length;

    /// <summary>Numbers after a telephone word ("tel.", "Telefone", "тел.", "电话"…) or written in international form (+…).</summary>
    public static IReadOnlyList<string> Phones(IEnumerable<string> texts)
    {
        var phones = new List<string>();
        foreach (var text in texts)
        {
            foreach (Match match in Phone().Matches(text))
            {
                var digits = match.Value.Count(char.IsAsciiDigit);
                var before = text[Math.Max(0, match.Index - PhoneKeywordReach)..match.Index];
                if (digits >= MinPhoneDigits && digits <= 15 && (match.Value.StartsWith('+') || PhoneWord().IsMatch(before)))
                {
                    phones.Add(TextCleaner.Collapse(match.Value));
                }
            }
        }

        return phones.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The first named library, archive, museum or university, e.g. "National Library of the Republic of Kazakhstan".</summary>
    public static string? Institution(IEnumerable<string> texts) => FirstNamed(texts, InstitutionWord());

    /// <summary>The centre's own name, e.g. "IFLA PAC Centre for China" or "Centro Regional PAC para a América Latina".</summary>
    public static string? CentreName(IEnumerable<string> texts) => FirstNamed(texts, PacWord());

    private static string? FirstNamed(IEnumerable<string> texts, Regex core)
    {
        foreach (var text in texts)
        {
            foreach (var segment in Segment().Split(text))
            {
                foreach (Match match in core.Matches(segment))
                {
                    if (NameAround(segment, match) is { } name)
                    {
                        return name;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Grows a name out from its core word over capitalised words, joined by "of", "the", "de", "para a"…</summary>
    private static string? NameAround(string segment, Match core)
    {
        if (CjkName().Match(segment) is { Success: true } cjk && cjk.Index <= core.Index && cjk.Index + cjk.Length >= core.Index + core.Length)
        {
            return cjk.Value.TrimStart('设', '由', '在', '位', '于');
        }

        var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var position = 0;
        var coreWord = -1;
        for (var i = 0; i < words.Length; i++)
        {
            var at = segment.IndexOf(words[i], position, StringComparison.Ordinal);
            if (at <= core.Index && core.Index < at + words[i].Length)
            {
                coreWord = i;
                break;
            }

            position = at + words[i].Length;
        }

        if (coreWord < 0)
        {
            return null;
        }

        // "Institution:" or "Host institution" is the label before a name, not one.
        if (words[coreWord].EndsWith(':') || words[coreWord].EndsWith('：') || (coreWord + 1 < words.Length && words[coreWord + 1] is ":" or "："))
        {
            return null;
        }

        if (IsArabic(words[coreWord]))
        {
            // Arabic has no capitals: the name runs on to the end of its segment ("مكتبة الإسكندرية").
            var arabic = string.Join(' ', words[coreWord..].TakeWhile(IsArabic).Take(MaxArabicNameWords));
            return arabic.Length >= 4 && arabic.Contains(' ', StringComparison.Ordinal) ? arabic : null;
        }

        var first = coreWord;
        while (first > 0 && (IsCapitalised(words[first - 1]) || (first > 1 && Connectors.Contains(words[first - 1]) && IsCapitalised(words[first - 2]) && !Articles.Contains(words[first - 2]))))
        {
            // "National and University Library of Iceland": a connector between capitalised words stays in the name.
            first--;
        }

        // One lower-case adjective next to the core word, inside a capitalised name: "Российская государственная библиотека".
        if (first == coreWord && first > 1 && !IsCapitalised(words[first - 1]) && !Connectors.Contains(words[first - 1]) && IsCapitalised(words[first - 2]))
        {
            first -= 2;
        }

        var last = coreWord;
        for (var next = coreWord + 1; next < words.Length; next++)
        {
            if (IsCapitalised(words[next]))
            {
                last = next;
            }
            else if (!Connectors.Contains(words[next])
                && !(next == coreWord + 1 && next + 1 < words.Length && (Connectors.Contains(words[next + 1]) || IsCapitalised(words[next + 1]))))
            {
                // A lower-case adjective right after the core word may continue the name ("Bibliothèque nationale de France").
                break;
            }
        }

        while (first < coreWord && Articles.Contains(words[first]))
        {
            first++;
        }

        var name = string.Join(' ', words[first..(last + 1)]).Trim('.', ' ', ':');
        // A lone core word ("Library", "Institution") is a label or a common noun, not the name of a place.
        return name.Length >= 4 && last > first ? name : null;
    }

    /// <summary>Capitalised, also after an elision: "l'Université", "d'Histoire".</summary>
    private static bool IsCapitalised(string word)
    {
        var apostrophe = word.IndexOfAny(['\'', '’']);
        var start = apostrophe is 1 or 2 && apostrophe + 1 < word.Length && char.IsLower(word[0]) ? apostrophe + 1 : 0;
        return word.Length > start && char.IsUpper(word[start]);
    }

    private static bool IsArabic(string word) => word.Length > 0 && word.Any(c => c is >= '\u0600' and <= '\u06FF');

    private const int MaxArabicNameWords = 6;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "the", "for", "and", "de", "da", "do", "das", "dos", "del", "la", "las", "los", "le", "les", "des", "du", "d'", "para", "a", "pour",
        "für", "und", "der", "die", "des", "и", "при", "по", "в",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "The", "Le", "La", "Les", "El", "Los", "Der", "Die", "Das", "A", "O" };

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+(?:'[A-Za-z0-9._%+\-]+)*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\s*[\[(<{]\s*(?:at|arroba|собака|AT)\s*[\])>}]\s*")]
    private static partial Regex SpelledAt();

    [GeneratedRegex(@"\s*[\[(<{]\s*(?:dot|punto|point|точка|DOT)\s*[\])>}]\s*")]
    private static partial Regex SpelledDot();

    [GeneratedRegex(@"\+?\d[\d\s().\-/]{5,}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?i)(?:tel|phone|telephone|telefone|téléphone|teléfono|telefon|fax|mobile|mob|тел|телефон|هاتف|电话|電話)")]
    private static partial Regex PhoneWord();

    [GeneratedRegex(@"(?i)\b\p{L}*(?:library|libraries|bibliothèque|bibliothek|biblioteca|bibliotheca|archives?|archivo|arquivo|archiv|museum|musée|museo|university|université|universidad|universidade|universität|institute|institut|instituto|foundation|fundação|fundación|библиотека|библиотеки|архив|музей|университет|институт|مكتبة|المكتبة|دار الكتب)|图书馆|档案馆|博物馆|大学")]
    private static partial Regex InstitutionWord();

    [GeneratedRegex(@"\b(?:PAC|ПАК)\b")]
    private static partial Regex PacWord();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{1,16}")]
    private static partial Regex CjkName();

    /// <summary>Names do not cross commas, semicolons, brackets, sentence ends or lines.</summary>
    [GeneratedRegex(@"[,;()（），、،\n]|\.\s|\s(?:in|at|à|en|em|im|в)\s")]
    private static partial Regex Segment();
}
