using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Configuration;

public sealed class SettingsValidationTests
{
    private static Task<OptionsValidationException> StartWith(Action<Dictionary<string, string?>> change) => StartWith<OptionsValidationException>(change);

    private static async Task<TException> StartWith<TException>(Action<Dictionary<string, string?>> change)
        where TException : Exception
    {
        var settings = TestSettings.Create("UseDevelopmentStorage=true", TestStorageNames.Unique(), "/tmp/unused-outbox");
        change(settings);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPacSubmissions(builder.Configuration);
        // Only option validation is under test: no storage is touched.
        builder.Services.RemoveAll<IHostedService>();
        using var host = builder.Build();
        return await Assert.ThrowsAsync<TException>(() => host.StartAsync());
    }

    [Theory]
    [InlineData("Email:HqAddress")]
    [InlineData("Email:From")]
    [InlineData("Links:SigningSecret")]
    [InlineData("Links:PublicBaseUrl")]
    [InlineData("ReminderSchedule")]
    [InlineData("ReportsContainer")]
    [InlineData("BlobPoisonQueue")]
    public async Task MissingSettingStopsTheAppNamingIt(string setting)
    {
        var error = await StartWith(s => s[setting] = "");

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoWayToSendEmailNamesBothChoices()
    {
        var error = await StartWith(s =>
        {
            s["Email:SendGridApiKey"] = "";
            s["Email:OutboxPath"] = "";
        });

        Assert.Contains("Email:SendGridApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email:OutboxPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortSigningSecretIsRefused()
    {
        var error = await StartWith(s => s["Links:SigningSecret"] = "short");

        Assert.Contains("at least 32 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimTimeoutOutOfRangeIsRefused()
    {
        var error = await StartWith(s => s["Email:ClaimTimeout"] = "00:00:00");

        Assert.Contains("Email:ClaimTimeout must be between", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendGridRetriesOutlastingTheClaimTimeoutAreRefused()
    {
        var error = await StartWith(s =>
        {
            s["Email:SendGridApiKey"] = "SG.test";
            s["Email:ClaimTimeout"] = "00:01:00";
        });

        Assert.Contains("keep it under Email:ClaimTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageNetworkTimeoutOutOfRangeIsRefused()
    {
        var error = await StartWith(s => s["Storage:NetworkTimeout"] = "00:10:00");

        Assert.Contains("Storage:NetworkTimeout must be between", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHqNoticesValueThatIsNoChoiceIsRefusedNamingTheChoices()
    {
        var error = await StartWith(s => s["Email:HqNotices"] = "7");

        Assert.Contains("Email:HqNotices must be EachUpload or Daily", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHqNoticesWordThatIsNoChoiceStopsTheAppNamingTheSettingAndTheValue()
    {
        // The configuration binder refuses it before validation runs.
        var error = await StartWith<InvalidOperationException>(s => s["Email:HqNotices"] = "Weekly");

        Assert.Contains("'Weekly' at 'Email:HqNotices'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/Den_Haag")]
    [InlineData("CET")]
    public async Task AnHqTimeZoneThatIsNoIanaZoneStopsTheAppNamingTheSetting(string zone)
    {
        var error = await StartWith(s => s["Email:HqTimeZone"] = zone);

        Assert.Contains($"Email:HqTimeZone must be an IANA time zone as the tz database spells it (e.g. Europe/Amsterdam), not '{zone}'.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("MFkwEwYHKoZIzj0CAQ==")]
    public async Task AnEventWebhookKeyThatIsNoP256PublicKeyStopsTheAppNamingTheSetting(string key)
    {
        var error = await StartWith(s => s["Email:EventWebhookPublicKey"] = key);

        Assert.Contains("Email:EventWebhookPublicKey is set, but", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventWebhookKeyOnAnotherCurveStopsTheApp()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var error = await StartWith(s => s["Email:EventWebhookPublicKey"] = Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()));

        Assert.Contains("Email:EventWebhookPublicKey is set, but it is an elliptic-curve key, but not on P-256", error.Message, StringComparison.Ordinal);
    }
}
