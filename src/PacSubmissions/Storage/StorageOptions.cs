using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Put before every table name; lets tests (and a second deployment in one account) keep their own tables.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,29})?$",
        ErrorMessage = Section + ":" + nameof(TablePrefix) + " must be empty or start with a letter and hold only letters and digits (30 at most).")]
    public string TablePrefix { get; set; } = "";

    /// <summary>The setting <see cref="StorageConnection"/> reads when it builds the clients, before options are bound.</summary>
    public const string NetworkTimeoutSetting = Section + ":" + nameof(NetworkTimeout);

    /// <summary>
    /// How long one storage request may go unanswered before the SDK gives up on it and tries again (its own default
    /// is 100 s). With the SDK's three retries this bounds how long an upload waits on storage that accepts connections
    /// but does not answer, so the coordinator gets the 503 "try again" well before the front end's 230 s limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = NetworkTimeoutSetting + " must be between 00:00:01 and 00:05:00.")]
    public TimeSpan NetworkTimeout { get; set; } = DefaultNetworkTimeout;

    public static readonly TimeSpan DefaultNetworkTimeout = TimeSpan.FromSeconds(30);
}
