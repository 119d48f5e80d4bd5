using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Costs;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Reports;
using FinOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using UglyToad.PdfPig;

namespace FinOps.Tests.Integration.Api;

/// <summary>
/// One set of numbers: no number may differ between the dashboard, an export and the domain for the same scan. One scan;
/// the /costs page rendered over the app's own services, the API's XLSX, CSV and PDF, and the domain result are compared.
/// (The MCP answer joins this check when the MCP tools exist.)
/// </summary>
public sealed class SameNumbersEverywhereTests(ScannedExportApi api) : IClassFixture<ScannedExportApi>
{
    private static readonly string[] TwoRegions = ["eu-west-1", "us-east-1"];
    private static readonly string[] Columns = ["total", "attributable", "gap", "out_of_scope", "untaggable", "unallocated"];

    [Fact]
    public async Task One_scan_shows_the_same_money_and_counts_on_the_costs_page_in_the_xlsx_csv_and_pdf_and_in_the_domain()
    {
        var domain = api.Result.ForRegions(TwoRegions);
        var dashboard = await DashboardFiguresAsync("/costs?regions=eu-west-1,us-east-1");
        var xlsx = XlsxReader.Open(await api.Client.GetByteArrayAsync(new Uri("/api/reports/regions?format=xlsx&regions=eu-west-1,us-east-1", UriKind.Relative)));
        var csv = CsvRecords.Parse(await api.Client.GetStringAsync(new Uri("/api/reports/regions?format=csv&regions=eu-west-1,us-east-1", UriKind.Relative)));
        using var pdf = PdfDocument.Open(await api.Client.GetByteArrayAsync(new Uri("/api/reports/regions?format=pdf&regions=eu-west-1,us-east-1", UriKind.Relative)));
        var pdfPages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();

        var xlsxRows = xlsx.Rows("Summary").Where(r => r.Count == 13).ToDictionary(r => r[0]);
        var csvRows = csv.Skip(1).ToDictionary(r => r[0]);
        string CsvCell(string region, string name) => csvRows[region][csv[0].IndexOf(name)];

        foreach (var (key, costs, summary) in domain.Regions.Select(r => (r.Region, r.Costs, r.Summary))
                     .Append((GapClosure.AllRegions, domain.Costs, domain.Summary)))
        {
            long[] expected = [costs.TotalCents, costs.AttributableCents, costs.GapCents, costs.OutOfScopeCents, costs.UntaggableCents, costs.UnallocatedCents];
            Assert.Equal(expected, dashboard[key].Cents);
            Assert.Equal(summary.NonCompliant, dashboard[key].NonCompliant);

            var x = xlsxRows[key == GapClosure.AllRegions ? "All regions" : key];
            Assert.Equal(expected.Select(Money.ToUsd), new[] { 7, 8, 9, 10, 11, 12 }.Select(i => decimal.Parse(x[i], CultureInfo.InvariantCulture)));
            Assert.Equal(summary.NonCompliant, int.Parse(x[5], CultureInfo.InvariantCulture));
            Assert.Equal(summary.NothingInScope ? "" : summary.ScorePercent.ToString(CultureInfo.InvariantCulture), x[2]);
            Assert.Equal(summary.NothingInScope ? "1" : "0", x[3]);

            Assert.Equal(expected.Select(Money.Plain), Columns.Select(c => CsvCell(key, c + "_usd")));
            Assert.Equal(summary.NonCompliant.ToString(CultureInfo.InvariantCulture), CsvCell(key, "non_compliant"));
            Assert.Equal(ReportFormat.PlainScore(summary), CsvCell(key, "score_percent"));
            Assert.Equal(ReportFormat.Flag(summary.NothingInScope), CsvCell(key, "nothing_in_scope"));

            // The PDF spells money as the dashboard shows it.
            var page = key == GapClosure.AllRegions ? pdfPages[0] : pdfPages.Single(p => p.StartsWith($"Region {key} ", StringComparison.Ordinal));
            Assert.Contains(dashboard[key].GapText, page);
        }
    }

    /// <summary>The figures the /costs page shows per region (and for all selected regions), read from its markup.</summary>
    private async Task<Dictionary<string, (long[] Cents, int NonCompliant, string GapText)>> DashboardFiguresAsync(string uri)
    {
        await using var context = new BunitContext();
        context.Services.AddSingleton(api.Host.Services.GetRequiredService<ComplianceService>());
        context.Services.AddSingleton(api.Host.Services.GetRequiredService<CostAttributionService>());
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

        var page = context.Render<Costs>();
        page.WaitForElement("[data-testid=gap-by-region]", TimeSpan.FromSeconds(30));
        return page.FindAll("[data-testid=gap-by-region] tbody tr, [data-testid=gap-by-region] tfoot tr")
            .ToDictionary(r => r.GetAttribute("data-key")!, Figures);
    }

    private static (long[] Cents, int NonCompliant, string GapText) Figures(IElement row)
    {
        IElement Figure(string column) => row.QuerySelector($"td[data-column={column}] [data-cents]")!;

        // The page leaves out a column with no money in any row: it reads as zero.
        long Cents(string column) => row.QuerySelector($"td[data-column={column}] [data-cents]") is { } figure
            ? long.Parse(figure.GetAttribute("data-cents")!, CultureInfo.InvariantCulture)
            : 0;
        return (
            [.. Columns.Select(Cents)],
            int.Parse(row.QuerySelectorAll("td")[2].TextContent.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture),
            Figure("gap").QuerySelector(".finops-figure-amount")!.TextContent.Trim());
    }
}
