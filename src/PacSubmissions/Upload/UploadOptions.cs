using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Upload;

public sealed class UploadOptions
{
    public const string Section = "Upload";

    /// <summary>Largest report accepted, in bytes (default 50 MB); enforced while the body streams.</summary>
    [Range(1024, 1L << 31, ErrorMessage = Section + ":" + nameof(MaxBytes) + " must be between 1 KB and 2 GB.")]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// How long an upload's body may deliver nothing (a phone changing cell, a congested link) before it is cut
    /// (default 2 minutes). After it, a body that averages under <see cref="MinBytesPerSecond"/> is cut, so a trickle
    /// cannot hold a connection for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00", ErrorMessage = Section + ":" + nameof(StallTolerance) + " must be between 5 seconds and 30 minutes.")]
    public TimeSpan StallTolerance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The slowest average an upload may keep once <see cref="StallTolerance"/> has passed (Kestrel's own default rate).</summary>
    public const double MinBytesPerSecond = 240;
}
