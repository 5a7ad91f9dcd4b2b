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

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Messages().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
