using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;

namespace PacSubmissions.Functions.Submissions;

internal sealed class ProcessReport(SubmissionProcessor processor)
{
    /// <summary>Exceptions escape on purpose: the host retries the blob and, after host.json's threshold, poisons it.</summary>
    [Function(nameof(ProcessReport))]
    public Task Run(
        [BlobTrigger("%" + TriggerOptions.ReportsContainerSetting + "%/{name}", Connection = StorageConnection.Name, Source = BlobTriggerSource.EventGrid)] BlobClient blob,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(blob, cancellationToken);
}
