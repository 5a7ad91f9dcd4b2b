using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Upload;

public sealed class UploadOptions : IValidatableObject
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

    /// <summary>
    /// Uploads one link may send in any hour (default 10): the plain POST and the page script's commit each count, refused
    /// or not, once the request reaches its body. Enough for a coordinator who sends, finds a mistake and sends again a
    /// few times; a flood is refused before anything is stored. See <see cref="UploadLimits"/>.
    /// </summary>
    [Range(1, 1000, ErrorMessage = Section + ":" + nameof(UploadsPerHour) + " must be between 1 and 1000.")]
    public int UploadsPerHour { get; set; } = 10;

    /// <summary>
    /// Bytes one centre may keep in one campaign, all its versions together (default 250 MB, five reports of the largest
    /// size): past it, an upload is refused and the coordinator is asked to write to HQ.
    /// </summary>
    [Range(1024, 1L << 40, ErrorMessage = Section + ":" + nameof(MaxCampaignBytes) + " must be between 1 KB and 1 TB.")]
    public long MaxCampaignBytes { get; set; } = 250L * 1024 * 1024;

    /// <summary>The slowest average an upload may keep once <see cref="StallTolerance"/> has passed (Kestrel's own default rate).</summary>
    public const double MinBytesPerSecond = 240;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Otherwise a centre could never send one report of the largest size the upload takes.
        if (MaxCampaignBytes < MaxBytes)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(MaxCampaignBytes)} ({MaxCampaignBytes}) must be at least {Section}:{nameof(MaxBytes)} ({MaxBytes}).",
                [nameof(MaxCampaignBytes), nameof(MaxBytes)]);
        }
    }
}
