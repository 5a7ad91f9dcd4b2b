using PacSubmissions.Forms;

namespace PacSubmissions.Reports;

/// <summary>The form's questions as people know them, for messages: the current definition's English text.</summary>
internal static class SectionTitles
{
    public static string Of(string key) => FormDefinitions.Current.TitleOf(key);
}
