using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PacSubmissions.Reports;

namespace PacSubmissions.Tests.Reports;

public sealed class ReportReaderOptionsTests
{
    [Theory]
    [InlineData("MaxBytes", "0")]
    [InlineData("MaxPages", "0")]
    [InlineData("MaxZipEntries", "-1")]
    [InlineData("MaxExpandedBytes", "0")]
    [InlineData("MaxPartBytes", "0")]
    [InlineData("Timeout", "00:00:00")]
    public void InvalidLimitIsRejectedWithAMessageNamingTheSetting(string setting, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{ReportReaderOptions.Section}:{setting}"] = value })
            .Build();
        using var services = Services(configuration);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ReportReaderOptions>>().Value);
        Assert.Contains($"Reports:{setting}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReaderIsRegisteredWithTheDefaultLimits()
    {
        using var services = Services(new ConfigurationBuilder().Build());

        Assert.Same(services.GetRequiredService<ReportReader>(), services.GetRequiredService<ReportReader>());
        Assert.Equal(50L * 1024 * 1024, services.GetRequiredService<IOptions<ReportReaderOptions>>().Value.MaxBytes);
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddSingleton(configuration).AddPacSubmissions(configuration).BuildServiceProvider();
}
