using System.Text;
using PacSubmissions.Csv;
using PacSubmissions.Html;
using PacSubmissions.Overview;

namespace PacSubmissions.Exports;

/// <summary>Writes any export of a campaign to a stream: what the dashboard's download and <c>pac export</c> both call.</summary>
public sealed class CampaignExports(CampaignOverviews overviews, ReportsZip reports, CompiledReports compiled, HtmlPages pages)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The campaign's table, or null when there is no campaign for that year.</summary>
    public Task<CampaignOverview?> LoadAsync(int year, CancellationToken cancellationToken) => overviews.LoadAsync(year, cancellationToken);

    public async Task WriteAsync(CampaignOverview overview, CampaignExportKind kind, Stream output, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case CampaignExportKind.Table:
                await using (var writer = new StreamWriter(output, CsvFile.Utf8WithBom, leaveOpen: true))
                {
                    await CampaignTableCsv.WriteAsync(writer, overview, cancellationToken);
                }

                break;
            case CampaignExportKind.Reports:
                await reports.WriteAsync(overview, output, cancellationToken);
                break;
            case CampaignExportKind.CompiledDocx:
                await CompiledDocx.WriteAsync(await compiled.LoadAsync(overview, cancellationToken), output, cancellationToken);
                break;
            case CampaignExportKind.CompiledHtml:
                var report = await compiled.LoadAsync(overview, cancellationToken);
                // The renderer writes synchronously, which a response body refuses: AsyncWriteStream holds those writes
                // and sends them asynchronously when the page is flushed.
                await using (var writer = new StreamWriter(new AsyncWriteStream(output), Utf8))
                {
                    await pages.WriteAsync<CompiledReportPage>(writer, new Dictionary<string, object?> { [nameof(CompiledReportPage.Report)] = report }, cancellationToken);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an export.");
        }
    }
}
