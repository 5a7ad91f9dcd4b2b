using MimeKit;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>A test's own outbox folder, read back as parsed e-mails.</summary>
public sealed class Outbox : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pac-outbox-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.Exists(Path)
            ? [.. Directory.GetFiles(Path, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
            : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
