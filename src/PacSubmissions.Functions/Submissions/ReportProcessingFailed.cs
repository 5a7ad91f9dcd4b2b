using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;

namespace PacSubmissions.Functions.Submissions;

internal sealed class ReportProcessingFailed(PoisonedReports reports)
{
    /// <summary>
    /// Runs for each message the host puts on the blob trigger's poison queue. The host writes it base64-encoded and
    /// the queue trigger decodes base64 by default (host.json <c>queues.messageEncoding</c>), so the two agree as they are.
    /// </summary>
    [Function(nameof(ReportProcessingFailed))]
    public Task Run(
        [QueueTrigger("%" + TriggerOptions.BlobPoisonQueueSetting + "%", Connection = StorageConnection.Name)] QueueMessage message,
        CancellationToken cancellationToken) =>
        reports.HandleAsync(message.Body.ToString(), message.InsertedOn, nameof(ProcessReport), cancellationToken);
}
