using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PacSubmissions.Upload.Page;

/// <summary>
/// Picks the page's language: the switcher's choice (<c>?lang=</c>), else the browser's languages in their order of
/// preference, else the centre's language, else English.
/// </summary>
public static class UploadLanguage
{
    public const string QueryParameter = UploadRoutes.LanguageParameter;

    public static UploadTexts Choose(HttpRequest request, string? centreLanguage)
    {
        if (UploadTexts.Find(request.Query[QueryParameter].FirstOrDefault()) is { } chosen)
        {
            return chosen;
        }

        if (StringWithQualityHeaderValue.TryParseList([.. request.Headers.AcceptLanguage.OfType<string>()], out var accepted))
        {
            foreach (var language in accepted.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1))
            {
                var primary = language.Value.ToString().Split('-')[0];
                if (UploadTexts.Find(primary) is { } texts)
                {
                    return texts;
                }
            }
        }

        return UploadTexts.Find(centreLanguage) ?? UploadTexts.English;
    }
}
