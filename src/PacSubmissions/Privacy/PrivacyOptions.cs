using System.ComponentModel.DataAnnotations;

namespace PacSubmissions.Privacy;

/// <summary>How long a campaign's personal data is kept (docs/privacy.md).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    public const string RetentionYearsSetting = Section + ":" + nameof(RetentionYears);

    /// <summary>
    /// Whole years after a campaign's late uploads close (<see cref="Campaigns.Campaign.LateUploadsCloseAt"/>) until its
    /// reports, readings, submission rows, e-mail ledger and audit details are deleted. Five years by default: long enough
    /// for HQ to compare a centre's reports over a few cycles and answer questions about them, no longer.
    /// </summary>
    [Range(1, 50, ErrorMessage = RetentionYearsSetting + " must be a whole number of years between 1 and 50.")]
    public int RetentionYears { get; set; } = 5;

    /// <summary>When a campaign's personal data is due for deletion: this many years after its late uploads close.</summary>
    public DateTimeOffset ExpiresAt(Campaigns.Campaign campaign) => campaign.LateUploadsCloseAt.AddYears(RetentionYears);
}
