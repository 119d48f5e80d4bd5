using System.IO.Compression;
using System.Xml.Linq;
using FinOps.Domain.Reports;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Reports;

[Collection(BrowserCollection.Name)]
public sealed class ReportDownloadTests(BrowserFixture browser) : IDisposable
{
    private static readonly string[] TwoRegions = ["eu-west-1", "us-east-1"];

    private readonly FinOpsAppHost _app = FinOpsAppHost.Start(new Dictionary<string, string?>
    {
        ["FinOps:Sample:Size"] = "1500",
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
    });

    [Fact]
    public async Task A_manager_downloads_the_pdf_and_xlsx_for_two_regions_from_the_reports_page()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/reports");
        await page.Locator("[data-testid=page-title][data-interactive=true]").WaitForAsync();
        await page.GetByTestId("region-report").WaitForAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Regions" }).ClickAsync();
        foreach (var region in TwoRegions)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = region, Exact = true }).ClickAsync();
        }

        // Closes the list the way a user does: a click outside it (on MudBlazor's overlay).
        await page.Mouse.ClickAsync(1200, 700);
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "eu-west-2", Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("report-summary")).ToContainTextAsync("eu-west-1, us-east-1 for");
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the reports page fits 1280 px without horizontal scrolling");
        await BrowserFixture.ScreenshotAsync(page, "reports");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-report").ClickAsync());
        Assert.Matches(@"^finops-regions-\d{4}-\d{2}\.pdf$", pdf.SuggestedFilename);
        var pdfPath = Path.Combine(BrowserFixture.ScreenshotFolder, "report-two-regions.pdf");
        await pdf.SaveAsAsync(pdfPath);
        var text = await PopplerTools.TextAsync(pdfPath);
        Assert.Contains("Region eu-west-1", text);
        Assert.Contains("Region us-east-1", text);
        Assert.DoesNotContain("Region ap-southeast-2", text);
        var cover = await PopplerTools.RenderPageAsync(pdfPath, 1, Path.Combine(BrowserFixture.ScreenshotFolder, "report-pdf-page1"));
        Assert.True(new FileInfo(cover).Length > 1000, "page 1 renders to a PNG");

        await page.GetByRole(AriaRole.Radio, new() { Name = "XLSX (to work with)" }).CheckAsync();
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-report").ClickAsync());
        Assert.Matches(@"^finops-regions-\d{4}-\d{2}\.xlsx$", xlsx.SuggestedFilename);
        var xlsxPath = Path.Combine(BrowserFixture.ScreenshotFolder, "report-two-regions.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        Assert.Equal(["Summary", ReportXlsxWriter.SinceSheet, .. TwoRegions, "Violations"], SheetNames(xlsxPath));
    }

    [Fact]
    public async Task The_costs_page_shows_the_waterfall_breakdown_and_fix_plan()
    {
        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/costs?regions=eu-west-1,us-east-1");
        await page.Locator("[data-testid=page-title][data-interactive=true]").WaitForAsync();
        await page.GetByTestId("gap-by-region").WaitForAsync();
        await page.Locator("[data-testid=waterfall-chart] svg").First.WaitForAsync();

        Assert.Equal(2, await page.GetByTestId("gap-by-region").Locator("tbody tr").CountAsync());
        await Assertions.Expect(page.GetByTestId("waterfall-reconciles")).ToContainTextAsync("to the cent");
        await Assertions.Expect(page.GetByTestId("fix-sentence-all")).ToContainTextAsync("of the gap across the selected regions");
        Assert.False(await PageChecks.HasHorizontalScrollAsync(page), "the costs page fits 1280 px without horizontal scrolling");
        await BrowserFixture.ScreenshotAsync(page, "costs");

        await page.GetByTestId("headline-gap").FocusAsync();
        await Assertions.Expect(page.Locator(".mud-tooltip.mud-popover-open")).ToContainTextAsync("non-compliant in-scope resources in eu-west-1, us-east-1");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Waterfall for" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "eu-west-1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("waterfall")).ToHaveAttributeAsync("aria-label", "Reconciliation of eu-west-1");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Waterfall for" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "ec2:instance", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("waterfall")).ToHaveAttributeAsync("aria-label", "Reconciliation of ec2:instance");
    }

    private static List<string> SheetNames(string xlsxPath)
    {
        using var zip = ZipFile.OpenRead(xlsxPath);
        using var workbook = zip.GetEntry("xl/workbook.xml")!.Open();
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return [.. XDocument.Load(workbook).Descendants(main + "sheet").Select(s => (string)s.Attribute("name")!)];
    }

    public void Dispose() => _app.Dispose();
}
