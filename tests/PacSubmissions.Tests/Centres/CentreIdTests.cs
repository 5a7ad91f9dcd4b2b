using System.Text;
using PacSubmissions.Centres;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Centres;

/// <summary>One rule for a centre id, with the same words wherever an id is refused: the register's CSV, <c>pac</c>, the register, links.</summary>
public sealed class CentreIdTests
{
    private const string Rule = "use 2-40 lower-case letters, digits and hyphens, beginning and ending with a letter or digit (e.g. kz-almaty)";

    public static TheoryData<string> BadIds => new()
    {
        "k", "KZ-almaty", "kz almaty", "kz_almaty", "kz.almaty", "-kz", "kz-", "kz-almaty\n", "kz/almaty", "ķz-almaty",
        new string('a', 41),
    };

    [Theory]
    [InlineData("kz")]
    [InlineData("kz-almaty")]
    [InlineData("2030-lab")]
    [InlineData("a-very-long-but-still-acceptable-id-0040")]
    public void IdsOfLowerCaseLettersDigitsAndHyphensAreCentreIds(string id)
    {
        Assert.True(CentreId.IsValid(id));
        Assert.Null(CentreId.Problem(id));
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public void AnyOtherIdIsRefusedSayingWhatAnIdIs(string id)
    {
        Assert.False(CentreId.IsValid(id));
        Assert.Equal($"'{id}' is not a centre id: {Rule}.", CentreId.Problem(id));
    }

    [Fact]
    public void NoIdIsRefusedAsEmpty()
    {
        Assert.Equal("The centre id is empty.", CentreId.Problem(""));
        Assert.Equal("The centre id is empty.", CentreId.Problem(null));
    }

    [Theory]
    [InlineData("KZ-Almaty")]
    [InlineData("kz_almaty")]
    [InlineData("kz-")]
    public void TheRegistersCsvRefusesTheIdWithTheRule(string id)
    {
        var import = CentreCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            $"id,name,institution,city,country,countries_served,coordinator_name,coordinator_email,language,active\n{id},Almaty,,,,,,a@example.org,ru,true\n")));

        var error = Assert.Single(import.Errors);
        Assert.Equal($"The id '{id}' is not valid: {Rule}.", error.Message);
        Assert.Empty(import.Centres);
    }

    [Fact]
    public async Task PacSaysTheIdIsNotOneInsteadOfLookingItUp()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());

        var (exit, output, error) = await Pac.RunWithSettingsAsync(pipeline, null, "link", "KZ-Almaty");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Equal($"'KZ-Almaty' is not a centre id: {Rule}.", error.Trim());
    }

    [Fact]
    public async Task TheRegisterAndTheLinksTakeNoOtherId()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var centre = TestData.Centre() with { Id = "kz_almaty" };

        var saving = await Assert.ThrowsAsync<ArgumentException>(() => pipeline.Get<CentreRegister>().SaveAsync(centre, CancellationToken.None));
        var linking = Assert.Throws<ArgumentException>(() => pipeline.Get<UploadLinks>().CreateToken("kz_almaty", 2030, DateTimeOffset.UtcNow.AddDays(1)));

        Assert.StartsWith($"'kz_almaty' is not a centre id: {Rule}.", saving.Message, StringComparison.Ordinal);
        Assert.StartsWith($"'kz_almaty' is not a centre id: {Rule}.", linking.Message, StringComparison.Ordinal);
        Assert.Null(await pipeline.Get<CentreRegister>().FindAsync("kz_almaty", CancellationToken.None));
    }
}
