using System.Security.Cryptography;

namespace PacSubmissions.LocalHost;

internal sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>Where the local host listens unless ASPNETCORE_URLS, --urls or Urls say otherwise: the Functions host's own port.</summary>
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Folder (relative to the repository) for Azurite's data, and for the e-mail outbox unless Email:OutboxPath names one; git ignores it.</summary>
    public string DataPath { get; set; } = ".local";

    /// <summary>Create a demo campaign and demo centres at start, and print their upload links.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>
    /// Deliver blob events to blob-triggered functions (default). Tests that must see an upload before it is processed
    /// turn it off and call the processor themselves, as the trigger would.
    /// </summary>
    public bool DeliverBlobEvents { get; set; } = true;

    /// <summary>
    /// Deliver queue messages to queue-triggered functions (default). A test that must see what lands on a queue turns
    /// it off, so nothing takes the message first.
    /// </summary>
    public bool DeliverQueueMessages { get; set; } = true;

    /// <summary>How often an empty queue is asked again for messages.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the blob container is scanned for new reports (the Functions host polls too, locally).</summary>
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The key function- and admin-level HTTP functions ask for; a new random one at each start unless set.</summary>
    public string FunctionKey { get; set; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
