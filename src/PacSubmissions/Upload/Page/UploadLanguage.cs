using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PacSubmissions.Languages;

namespace PacSubmissions.Upload.Page;

/// <summary>
/// Picks the page's language: the switcher's choice (<c>?lang=</c>), else the browser's languages in their order of
/// preference, else the centre's language, else English.
/// </summary>
internal static class UploadLanguage
{
    public const string QueryParameter = UploadRoutes.LanguageParameter;

    public static Texts Choose(HttpRequest request, string? centreLanguage)
    {
        if (Texts.Find(request.Query[QueryParameter].FirstOrDefault()) is { } chosen)
        {
            return chosen;
        }

        if (StringWithQualityHeaderValue.TryParseList([.. request.Headers.AcceptLanguage.OfType<string>()], out var accepted))
        {
            foreach (var language in accepted.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1))
            {
                if (Texts.Find(language.Value.ToString()) is { } texts)
                {
                    return texts;
                }
            }
        }

        return Texts.For(centreLanguage);
    }
}
