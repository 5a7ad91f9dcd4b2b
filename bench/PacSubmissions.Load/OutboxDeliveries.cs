using MimeKit;
using PacSubmissions.Email;

namespace PacSubmissions.Load;

/// <summary>The e-mails in an outbox folder (the local run's mail provider), by the key each carries in its X-Pac-Email-Key header.</summary>
public static class OutboxDeliveries
{
    public static async Task<IReadOnlyCollection<string>> KeysAsync(string outboxFolder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(outboxFolder))
        {
            return [];
        }

        var keys = new List<string>();
        foreach (var file in Directory.EnumerateFiles(outboxFolder, "*.eml"))
        {
            await using var stream = File.OpenRead(file);
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            if (headers[OutboxEmailSender.KeyHeader] is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
