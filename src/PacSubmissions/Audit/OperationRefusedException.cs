namespace PacSubmissions.Audit;

/// <summary>
/// Input an operation refused before changing or recording anything. The message says what was wrong and what to give
/// instead; the dashboard shows it on its error page and <c>pac</c> prints it, word for word.
/// </summary>
public sealed class OperationRefusedException(string message) : Exception(message);
