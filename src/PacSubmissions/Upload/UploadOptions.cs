using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Upload;

public sealed class UploadOptions
{
    public const string Section = "Upload";

    /// <summary>Largest report accepted, in bytes (default 50 MB); enforced while the body streams.</summary>
    [Range(1024, 1L << 31, ErrorMessage = Section + ":" + nameof(MaxBytes) + " must be between 1 KB and 2 GB.")]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;
}
