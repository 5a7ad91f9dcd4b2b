using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Dashboard;

public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public const string HqGroupIdSetting = Section + ":" + nameof(HqGroupId);

    /// <summary>
    /// The object id of HQ's Microsoft Entra ID group. With App Service Authentication on, only its members may open the
    /// dashboard and the exports; without a group set, nobody may (the dashboard says which setting is missing).
    /// </summary>
    [RegularExpression("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$",
        ErrorMessage = HqGroupIdSetting + " must be the object id (a GUID) of HQ's Entra ID group, or empty.")]
    public string HqGroupId { get; set; } = "";
}
