using PacSubmissions.Campaigns;

namespace PacSubmissions.Tests.Campaigns;

public sealed class CampaignTests
{
    internal static Campaign Sample2030() => Campaign.WithDefaults(2030, new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void DefaultDeadlineIsFifteenJulyAnywhereOnEarth()
    {
        var campaign = Sample2030();

        // 15 July 23:59:59 at UTC-12 is 16 July 11:59:59 UTC.
        Assert.Equal(new DateTimeOffset(2030, 7, 16, 11, 59, 59, TimeSpan.Zero), campaign.Deadline);
        Assert.Equal(TimeSpan.FromMinutes(60), campaign.Grace);
        Assert.Equal("Etc/GMT+12", campaign.TimeZone);
    }

    [Fact]
    public void DeadlineInAnotherZoneFollowsItsSummerTime()
    {
        var campaign = Campaign.WithDefaults(2030, DateTimeOffset.MinValue, "Europe/Paris");

        // Paris is UTC+2 in July.
        Assert.Equal(new DateTimeOffset(2030, 7, 15, 21, 59, 59, TimeSpan.Zero), campaign.Deadline);
    }

    [Fact]
    public void UploadsWithinTheHiddenGraceCountAsOnTime()
    {
        var campaign = Sample2030();

        Assert.Equal(UploadWindow.OnTime, campaign.WindowAt(campaign.Deadline.AddSeconds(1)));
        Assert.Equal(UploadWindow.OnTime, campaign.WindowAt(campaign.Deadline + campaign.Grace));
        Assert.Equal(UploadWindow.Late, campaign.WindowAt(campaign.Deadline + campaign.Grace + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void WindowOpensAndClosesOnItsDates()
    {
        var campaign = Sample2030();

        Assert.Equal(UploadWindow.NotYetOpen, campaign.WindowAt(campaign.OpensAt.AddSeconds(-1)));
        Assert.Equal(UploadWindow.OnTime, campaign.WindowAt(campaign.OpensAt));
        Assert.Equal(UploadWindow.Late, campaign.WindowAt(campaign.LateUploadsCloseAt));
        Assert.Equal(UploadWindow.Closed, campaign.WindowAt(campaign.LateUploadsCloseAt.AddSeconds(1)));
    }

    [Fact]
    public void ExtendedCentreDeadlineMovesOnlyThatCentresOnTimeWindow()
    {
        var campaign = Sample2030();
        var extended = campaign.Deadline.AddDays(3);
        var instant = campaign.Deadline.AddDays(2);

        Assert.Equal(UploadWindow.Late, campaign.WindowAt(instant));
        Assert.Equal(UploadWindow.OnTime, campaign.WindowAt(instant, extended));
    }

    [Fact]
    public void UnknownTimeZoneIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => Campaign.WithDefaults(2030, DateTimeOffset.MinValue, "Mars/Olympus"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Etc/GMT+12", "UTC-12")]
    [InlineData("Etc/GMT-3", "UTC+3")]
    [InlineData("Europe/Paris", "Europe/Paris")]
    public void ZonesAreLabelledAsPeopleReadThem(string zone, string label) => Assert.Equal(label, CampaignClock.Label(zone));
}
