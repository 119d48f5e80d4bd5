using System.Text.Json;
using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.Mcp;
using FinOps.Tests.Unit.Reports;
using UglyToad.PdfPig;

namespace FinOps.Tests.Integration.Api;

/// <summary>
/// A region no scan could list has unknown figures at every door: no score, "not scanned", never 100 %, never "no gap",
/// never "nothing in scope" — in MCP answers, the report in every format, and the fix plan.
/// </summary>
public sealed class UnscannedRegionTests : IAsyncLifetime
{
    private const string Failed = "ap-south-1";
    private McpTestHost _host = null!;
    private ModelContextProtocol.Client.McpClient _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = McpTestHost.Start(new Dictionary<string, string?> { ["FinOps:Sample:FailingRegions:0"] = Failed });
        _client = await _host.ConnectAsync();
        _http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        await _host.Get<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_mcp_region_row_has_no_score_and_no_gap()
    {
        var answer = await _client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"]}""");

        var row = answer.GetProperty("regional_breakdown").EnumerateArray().Single(r => r.GetProperty("region").GetString() == Failed);
        Assert.False(row.GetProperty("measured").GetBoolean());
        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("compliance_score").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("score_percent").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("gap_usd").ValueKind);
        Assert.False(row.GetProperty("nothing_in_scope").GetBoolean());
        Assert.False(string.IsNullOrEmpty(row.GetProperty("failure_reason").GetString()));
    }

    [Fact]
    public async Task Asking_about_the_failed_region_alone_gives_no_score()
    {
        var answer = await _client.AnswerAsync("check_tag_compliance", $$"""{"resource_types":["all"],"regions":["{{Failed}}"]}""");

        Assert.False(answer.GetProperty("measured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("compliance_score").ValueKind);
        Assert.False(answer.GetProperty("nothing_in_scope").GetBoolean());
    }

    [Fact]
    public async Task The_fix_plan_says_the_gap_is_unknown()
    {
        var answer = await _client.AnswerAsync("get_cost_attribution_gap", """{}""");

        var plan = answer.GetProperty("fix_plan").GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == Failed);
        Assert.False(plan.GetProperty("measured").GetBoolean());
        Assert.Contains("unknown", plan.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("no cost attribution gap", plan.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_and_csv_reports_leave_the_score_unknown()
    {
        var json = await _client.AnswerAsync("generate_compliance_report", """{"format":"json"}""");
        using var report = JsonDocument.Parse(json.GetProperty("content").GetString()!);
        var section = report.RootElement.GetProperty("by_region").EnumerateArray().Single(r => r.GetProperty("region").GetString() == Failed);
        var csv = CsvRecords.Parse(await _http.GetStringAsync(new Uri("/api/reports/regions?format=csv", UriKind.Relative)));
        var header = csv[0];
        var csvRow = csv.Single(r => r[0] == Failed);

        Assert.False(section.GetProperty("measured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, section.GetProperty("score_percent").ValueKind);
        Assert.False(section.GetProperty("nothing_in_scope").GetBoolean());
        Assert.Equal(JsonValueKind.Null, section.GetProperty("costs").GetProperty("gap_cents").ValueKind);
        Assert.Equal("false", csvRow[header.IndexOf("measured")]);
        Assert.Equal("", csvRow[header.IndexOf("score_percent")]);
        Assert.Equal("false", csvRow[header.IndexOf("nothing_in_scope")]);
        Assert.Equal("", csvRow[header.IndexOf("gap_usd")]);
    }

    [Fact]
    public async Task The_xlsx_and_pdf_say_not_scanned_and_never_no_gap()
    {
        var xlsx = XlsxReader.Open(await _http.GetByteArrayAsync(new Uri("/api/reports/regions?format=xlsx", UriKind.Relative)));
        using var pdf = PdfDocument.Open(await _http.GetByteArrayAsync(new Uri("/api/reports/regions?format=pdf", UriKind.Relative)));
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        var row = xlsx.Rows("Summary").First(r => r.Count > 3 && r[0] == Failed);
        Assert.Equal("not scanned", row[2]);
        Assert.Equal("0", row[3]);
        Assert.Contains($"Region {Failed}", text, StringComparison.Ordinal);
        Assert.Contains("n/a (not scanned)", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"no cost attribution gap in {Failed}", text, StringComparison.Ordinal);
    }
}
