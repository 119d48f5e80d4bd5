using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Reports;
using FinOps.Tests.Unit.Reports;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace FinOps.Tests.Integration.Api;

public sealed class ExportApiTests(ScannedExportApi api) : IClassFixture<ScannedExportApi>
{
    private static readonly string[] TwoRegions = ["eu-west-1", "us-east-1"];

    private static readonly string[] RegionHeader =
        ["Region", "Status", "Score", "Nothing in scope", "Resources", "Non-compliant", "Violations", "Total (USD)", "Attributable (USD)", "Gap (USD)",
         "Out of scope (USD)", "Untaggable (USD)", "Unallocated (USD)"];

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        return response;
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [InlineData("pdf", "application/pdf", "%PDF-")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    [InlineData("csv", "text/csv", "region,status,measured,data_as_of,score_percent,nothing_in_scope")]
    public async Task Each_format_downloads_with_its_content_type_and_a_file_name_naming_the_period(string format, string contentType, string start)
    {
        using var response = await GetAsync($"/api/reports/regions?format={format}&regions=eu-west-1,us-east-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"finops-regions-{api.Result.CostPeriod}.{format}", disposition.FileNameStar ?? disposition.FileName);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith(start, Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_for_two_regions_shows_each_regions_score_and_gap_and_no_other_region()
    {
        var narrowed = api.Result.ForRegions(TwoRegions);

        using var pdf = PdfDocument.Open(await DownloadAsync("/api/reports/regions?format=pdf&regions=eu-west-1,us-east-1"));

        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.Contains(Money.Format(narrowed.Costs.GapCents), pages[0]);
        Assert.Contains(ReportFormat.Score(narrowed.Summary), pages[0]);
        foreach (var region in narrowed.Regions)
        {
            var page = Assert.Single(pages, p => p.StartsWith($"Region {region.Region} ", StringComparison.Ordinal));
            Assert.Contains(ReportFormat.Score(region.Summary), page);
            Assert.Contains(Money.Format(region.Costs.GapCents), page);
        }

        Assert.Equal(2, pages.Count(p => p.StartsWith("Region ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_xlsx_summary_has_the_domains_numbers_for_every_region_and_overall()
    {
        var result = api.Result;

        var xlsx = XlsxReader.Open(await DownloadAsync("/api/reports/regions?format=xlsx"));

        Assert.Equal(["Summary", ReportXlsxWriter.SinceSheet, .. result.Regions.Select(r => r.Region), "Violations"], xlsx.SheetNames);
        var rows = xlsx.Rows("Summary");
        var header = rows.FindIndex(r => r.SequenceEqual(RegionHeader));
        Assert.True(header > 0, "the Summary sheet has the region table");
        var byRegion = rows.Skip(header + 1).TakeWhile(r => r.Count == RegionHeader.Length).ToDictionary(r => r[0]);
        foreach (var region in result.Regions)
        {
            var row = byRegion[region.Region];
            Assert.Equal(region.Summary.NothingInScope ? "" : region.Summary.ScorePercent.ToString(CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(region.Summary.NothingInScope ? "1" : "0", row[3]);
            Assert.Equal(region.Summary.NonCompliant, int.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(Money.ToUsd(region.Costs.TotalCents), decimal.Parse(row[7], CultureInfo.InvariantCulture));
            Assert.Equal(Money.ToUsd(region.Costs.GapCents), decimal.Parse(row[9], CultureInfo.InvariantCulture));
            Assert.Equal(Money.ToUsd(region.Costs.UnallocatedCents), decimal.Parse(row[12], CultureInfo.InvariantCulture));
        }

        var all = byRegion["All regions"];
        Assert.Equal(result.Summary.ScorePercent, double.Parse(all[2], CultureInfo.InvariantCulture));
        Assert.Equal("0", all[3]);
        Assert.Equal(Money.ToUsd(result.Costs.GapCents), decimal.Parse(all[9], CultureInfo.InvariantCulture));
        Assert.Equal(result.Summary.Violations, xlsx.Rows("Violations").Count - 1);
    }

    [Fact]
    public async Task Another_period_and_metric_are_priced_by_the_domain_and_named_in_the_file()
    {
        var costs = api.Host.Services.GetRequiredService<CostAttributionService>();
        var month = BillingPeriod.LastCompleteMonth(costs.Today.AddMonths(-1));
        var (expected, _) = await costs.ViewAsync(api.Result, month, CostMetric.Amortized, TwoRegions, CancellationToken.None);

        using var response = await GetAsync($"/api/reports/regions?format=csv&regions=us-east-1,eu-west-1&period={month}&metric=amortized");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"finops-regions-{month}.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var csv = CsvRecords.Parse(await response.Content.ReadAsStringAsync());
        var total = csv[0].IndexOf("total_usd");
        var all = csv.Single(r => r[0] == GapClosure.AllRegions);
        Assert.Equal(Money.ToUsd(expected.Costs.TotalCents), decimal.Parse(all[total], CultureInfo.InvariantCulture));
        Assert.Equal(["eu-west-1", "us-east-1", "all"], csv.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task The_violations_csv_has_the_selected_columns_in_order_and_only_the_chosen_severity()
    {
        var expected = RegionReportService.Violations(api.Result, TwoRegions, Severity.Error);

        using var response = await GetAsync("/api/violations.csv?regions=eu-west-1,us-east-1&severity=error&columns=arn,severity,tag_key,gap_share_usd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"finops-violations-{api.Result.CostPeriod}.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var csv = CsvRecords.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["arn", "severity", "tag_key", "gap_share_usd"], csv[0]);
        Assert.Equal(expected.Length, csv.Count - 1);
        Assert.All(csv.Skip(1), r => Assert.Equal("error", r[1]));
        Assert.Equal(expected.Select(v => (v.Arn, v.TagKey, Money.Plain(v.GapShareCents))), csv.Skip(1).Select(r => (r[0], r[2], r[3])));
    }

    [Theory]
    [InlineData("/api/reports/regions?format=docx", "format", "accepted: pdf, xlsx, csv")]
    [InlineData("/api/reports/regions", "format", "format is required; accepted: pdf, xlsx, csv")]
    [InlineData("/api/reports/regions?format=pdf&period=lastmonth", "period", "accepted: \"last-month\"")]
    [InlineData("/api/reports/regions?format=pdf&period=2026-13", "period", "YYYY-MM-DD..YYYY-MM-DD")]
    [InlineData("/api/reports/regions?format=pdf&period=2026-10-05..2026-10-01", "period", "ends before it starts")]
    [InlineData("/api/reports/regions?format=pdf&metric=blended", "metric", "accepted: unblended, amortized")]
    [InlineData("/api/reports/regions?format=pdf&regions=eu-west-1,mars-north-1", "regions", "Cannot scan region 'mars-north-1' (not a region of this account). Accepted: ")]
    [InlineData("/api/violations.csv?severity=fatal", "severity", "accepted: error, warning")]
    [InlineData("/api/violations.csv?columns=arn,password", "columns", "Valid columns: region, resource_type, arn")]
    [InlineData("/api/violations.csv?regions=moon-1", "regions", "'moon-1' is not a region code")]
    public async Task Bad_input_is_a_400_problem_that_says_what_is_accepted(string url, string parameter, string message)
    {
        using var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(message, problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at FinOps.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_both_endpoints_with_their_parameters()
    {
        using var response = await GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var report = paths.GetProperty("/api/reports/regions").GetProperty("get");
        var violations = paths.GetProperty("/api/violations.csv").GetProperty("get");

        Assert.False(string.IsNullOrWhiteSpace(report.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(violations.GetProperty("description").GetString()));
        Assert.Equal(["format", "regions", "period", "metric"], Parameters(report).Keys);
        Assert.Equal(["regions", "severity", "columns"], Parameters(violations).Keys);
        Assert.All(Parameters(report).Values.Concat(Parameters(violations).Values), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString())));
        var format = Parameters(report)["format"];
        Assert.True(format.GetProperty("required").GetBoolean());
        Assert.Equal(["pdf", "xlsx", "csv"], format.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(report.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/pdf", out _));
        Assert.True(report.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(violations.GetProperty("responses").TryGetProperty("409", out _));
    }

    private static Dictionary<string, JsonElement> Parameters(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
}
