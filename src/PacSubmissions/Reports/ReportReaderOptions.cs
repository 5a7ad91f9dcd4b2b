using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Reports;

/// <summary>Bounds on the work the report reader does for one file, so a hostile file costs little.</summary>
public sealed class ReportReaderOptions
{
    public const string Section = "Reports";

    [Range(1, long.MaxValue, ErrorMessage = Section + ":" + nameof(MaxBytes) + " must be a positive number of bytes (default 52428800, 50 MB).")]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    [Range(1, 100_000, ErrorMessage = Section + ":" + nameof(MaxPages) + " must be between 1 and 100000 (default 500).")]
    public int MaxPages { get; set; } = 500;

    [Range(1, 1_000_000, ErrorMessage = Section + ":" + nameof(MaxZipEntries) + " must be between 1 and 1000000 (default 1000).")]
    public int MaxZipEntries { get; set; } = 1000;

    [Range(1, long.MaxValue, ErrorMessage = Section + ":" + nameof(MaxExpandedBytes) + " must be a positive number of bytes (default 268435456, 256 MB).")]
    public long MaxExpandedBytes { get; set; } = 256L * 1024 * 1024;

    [Range(1, long.MaxValue, ErrorMessage = Section + ":" + nameof(MaxPartBytes) + " must be a positive number of bytes (default 33554432, 32 MB).")]
    public long MaxPartBytes { get; set; } = 32L * 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Section + ":" + nameof(Timeout) + " must be between 00:00:01 and 01:00:00 (default 00:00:30).")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
