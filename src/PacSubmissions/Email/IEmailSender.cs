namespace PacSubmissions.Email;

public interface IEmailSender
{
    /// <summary>Sends the message and returns the provider's message id; throws <see cref="EmailSendException"/> when it was not accepted.</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>An e-mail the provider did not accept. <see cref="Permanent"/> failures (bad request, bad key) are not worth retrying.</summary>
internal sealed class EmailSendException(string message, bool permanent, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public int? StatusCode { get; } = statusCode;
}
