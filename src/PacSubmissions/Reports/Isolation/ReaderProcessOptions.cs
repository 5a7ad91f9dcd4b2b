using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Reports.Isolation;

/// <summary>
/// How reports are read apart from the worker: how many reader processes at once, how long each lives, and the CPU
/// and memory one document may take before its process is killed. The wall-clock limit is <see cref="ReportReaderOptions.Timeout"/>.
/// </summary>
public sealed class ReaderProcessOptions
{
    public const string Section = "Reader";

    [Range(1, 64, ErrorMessage = Section + ":" + nameof(Processes) + " must be between 1 and 64 (default 2).")]
    public int Processes { get; set; } = 2;

    [Range(1, 100_000, ErrorMessage = Section + ":" + nameof(DocumentsPerProcess) + " must be between 1 and 100000 (default 100).")]
    public int DocumentsPerProcess { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":" + nameof(MaxCpuTime) + " must be between 00:00:01 and 01:00:00 (default 00:00:30).")]
    public TimeSpan MaxCpuTime { get; set; } = TimeSpan.FromSeconds(30);

    [Range(64L * 1024 * 1024, long.MaxValue, ErrorMessage = Section + ":" + nameof(MaxMemoryBytes) + " must be at least 67108864 bytes, 64 MB (default 1073741824, 1 GB).")]
    public long MaxMemoryBytes { get; set; } = 1024L * 1024 * 1024;
}
