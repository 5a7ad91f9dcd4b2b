namespace PacSubmissions.Reports;

/// <summary>The form's questions as people know them, for messages.</summary>
public static class SectionTitles
{
    public static string Of(string key) => key switch
    {
        FormSections.Centre => "PAC Centre (hosting institution, country and contact information)",
        FormSections.InternationalCooperation => "International Cooperation",
        FormSections.LocalCooperation => "Local Cooperation",
        FormSections.Workshops => "Workshops/trainings/events",
        FormSections.IflaInitiatives => "Involvement of the PAC Centre with the IFLA Initiatives",
        FormSections.Suggestions => "Suggestions to IFLA HQ",
        FormSections.Standards => "New standards/guidelines/best practices",
        FormSections.OtherComments => "Any other comments",
        _ => key,
    };
}
