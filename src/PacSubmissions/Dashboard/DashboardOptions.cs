using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Dashboard;

public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public const string HqGroupIdSetting = Section + ":" + nameof(HqGroupId);

    public const string KeySetting = Section + ":" + nameof(Key);

    /// <summary>
    /// The object id of HQ's Microsoft Entra ID group. With App Service Authentication on, only its members may open the
    /// dashboard and the exports; without a group set, nobody may (the dashboard says which setting is missing).
    /// </summary>
    [RegularExpression("^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$",
        ErrorMessage = HqGroupIdSetting + " must be the object id (a GUID) of HQ's Entra ID group, or empty.")]
    public string HqGroupId { get; set; } = "";

    /// <summary>
    /// HQ's dashboard key, where App Service Authentication is off (a local run, or a deployment without sign-in): given
    /// once at the dashboard's sign-in page for a session cookie, never carried in a URL. The local host sets it to its
    /// function key unless it is set. Empty: nobody can sign in with a key.
    /// </summary>
    [RegularExpression("^.{32,}$", ErrorMessage = KeySetting + " must be at least 32 characters long (or empty, with App Service Authentication on).")]
    public string Key { get; set; } = "";
}
