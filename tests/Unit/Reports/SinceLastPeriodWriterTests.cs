using System.Text;
using System.Text.Json;
using FinOps.Domain.Reports;

namespace FinOps.Tests.Unit.Reports;

/// <summary>How the writers format "Since the last period": absent without history, one line without an earlier scan, a table with one.</summary>
public sealed class SinceLastPeriodWriterTests
{
    private static readonly PeriodComparison Earlier = new(
        true, null, "scan-a", new DateTimeOffset(2026, 11, 14, 9, 0, 0, TimeSpan.Zero), 0.625, 0.6875, 6.3,
        120_000, 95_050, -24_950, 12, 3,
        [new ScoreAt("scan-a", new DateTimeOffset(2026, 11, 14, 9, 0, 0, TimeSpan.Zero), 0.625),
         new ScoreAt("scan-b", new DateTimeOffset(2026, 11, 15, 9, 0, 0, TimeSpan.Zero), 0.6875)]);

    private static async Task<string> CsvAsync(RegionReport report)
    {
        using var buffer = new MemoryStream();
        await ReportCsvWriter.WriteRegionSummaryAsync(report, buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task<JsonElement> JsonAsync(RegionReport report)
    {
        using var buffer = new MemoryStream();
        await ReportJsonWriter.WriteAsync(report, buffer, CancellationToken.None);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    [Fact]
    public async Task Without_history_the_section_is_absent_and_the_cells_empty()
    {
        var report = ReportFixture.Report;

        Assert.Null(report.SinceLastPeriod);
        Assert.DoesNotContain(PeriodComparison.Title, ReportMarkdownWriter.Render(report), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await JsonAsync(report)).GetProperty("since_last_period").ValueKind);
        var all = (await CsvAsync(report)).Split("\r\n").Single(l => l.StartsWith("all,", StringComparison.Ordinal));
        Assert.EndsWith(",,,,,", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_earlier_scan_the_section_is_one_line()
    {
        var report = ReportFixture.Report with { SinceLastPeriod = PeriodComparison.Nothing(PeriodComparison.NoEarlierScan) };

        var markdown = ReportMarkdownWriter.Render(report);

        var section = markdown[markdown.IndexOf("## " + PeriodComparison.Title, StringComparison.Ordinal)..markdown.IndexOf("## Spend", StringComparison.Ordinal)];
        Assert.Equal(["## " + PeriodComparison.Title, PeriodComparison.NoEarlierScan],
            section.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task With_an_earlier_scan_every_format_shows_the_same_figures()
    {
        var report = ReportFixture.Report with { SinceLastPeriod = Earlier };

        var markdown = ReportMarkdownWriter.Render(report);
        Assert.Contains("| Compliance score | 62.5% | 68.8% | +6.3 points |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Cost attribution gap | $1,200.00 | $950.50 | −$249.50 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Violations fixed |  |  | 12 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Violations new |  |  | 3 |", markdown, StringComparison.Ordinal);

        var json = (await JsonAsync(report)).GetProperty("since_last_period");
        Assert.Equal(62.5, json.GetProperty("score_percent_then").GetDouble());
        Assert.Equal(-249.50m, json.GetProperty("gap_change_usd").GetDecimal());
        Assert.Equal(12, json.GetProperty("violations_fixed").GetInt32());
        Assert.Equal(2, json.GetProperty("score_trend").GetArrayLength());

        var all = (await CsvAsync(report)).Split("\r\n").Single(l => l.StartsWith("all,", StringComparison.Ordinal));
        Assert.EndsWith(",2026-11-14T09:00:00Z,62.5,1200.00,12,3", all, StringComparison.Ordinal);
    }
}
