using System.Diagnostics;
using System.Text.Json;
using FinOps.Domain.History;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FinOps.Tests.Integration.Api;

/// <summary>
/// The reports' "Since the last period" section over a sample account that drifts a fifth of its resources a day:
/// its figures are HistoryService's, it says "no earlier scan" after the first scan, and the PDF draws it.
/// </summary>
public sealed class SinceLastPeriodTests(ITestOutputHelper output)
{
    private static ExportApiHost DriftingHost() =>
        new(settings: new Dictionary<string, string> { ["FinOps:Sample:DailyTagChangePercent"] = "20" });

    private static async Task ScanAndKeepAsync(ExportApiHost host, int expectedScans)
    {
        await host.Services.GetRequiredService<ComplianceService>()
            .GetResultAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        var history = host.Services.GetRequiredService<HistoryService>();
        var clock = Stopwatch.StartNew();
        while ((await history.ListScansAsync(10, null, CancellationToken.None)).Scans.Length < expectedScans)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "history did not keep the scan in time");
            await Task.Delay(50);
        }
    }

    private static Task<RegionReport> ReportAsync(ExportApiHost host)
    {
        var result = host.Services.GetRequiredService<ComplianceService>().GetCachedResultAsync(ScanRequest.Default, CancellationToken.None);
        return BuildAsync();

        async Task<RegionReport> BuildAsync() => await host.Services.GetRequiredService<RegionReportService>()
            .BuildAsync((await result)!, null, null, [], CancellationToken.None);
    }

    [Fact]
    public async Task After_one_scan_every_format_says_in_one_line_that_there_is_no_earlier_scan()
    {
        await using var host = DriftingHost();
        using var client = host.CreateClient();
        await ScanAndKeepAsync(host, 1);

        var report = await ReportAsync(host);

        Assert.NotNull(report.SinceLastPeriod);
        Assert.False(report.SinceLastPeriod.HasEarlierScan);
        Assert.Empty(PeriodComparisonRow.Of(report.SinceLastPeriod));
        var markdown = ReportMarkdownWriter.Render(report);
        Assert.Contains("## Since the last period", markdown, StringComparison.Ordinal);
        Assert.Contains(PeriodComparison.NoEarlierScan, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| Figure | Then | Now | Change |", markdown, StringComparison.Ordinal);

        using var buffer = new MemoryStream();
        await ReportJsonWriter.WriteAsync(report, buffer, CancellationToken.None);
        using var json = JsonDocument.Parse(buffer.ToArray());
        var since = json.RootElement.GetProperty("since_last_period");
        Assert.False(since.GetProperty("has_earlier_scan").GetBoolean());
        Assert.Equal(PeriodComparison.NoEarlierScan, since.GetProperty("note").GetString());

        var csv = await client.GetStringAsync("/api/reports/regions?format=csv");
        var allRow = csv.Split("\r\n").Single(l => l.StartsWith("all,", StringComparison.Ordinal));
        Assert.EndsWith(",,,,,", allRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_two_scans_the_figures_are_history_services_and_the_pdf_draws_them()
    {
        await using var host = DriftingHost();
        using var client = host.CreateClient();
        await ScanAndKeepAsync(host, 1);
        await ScanAndKeepAsync(host, 2);
        await ScanAndKeepAsync(host, 3);

        var report = await ReportAsync(host);
        var history = host.Services.GetRequiredService<HistoryService>();
        var changes = (await history.ChangesAsync(ScanScope.EveryType, CancellationToken.None))!.Value.SincePrevious;
        var drift = await history.DriftAsync(DriftQuery.Latest, CancellationToken.None);
        var since = report.SinceLastPeriod!;

        Assert.True(since.HasEarlierScan);
        Assert.Equal(changes.ThenScanId, since.ThenScanId);
        Assert.Equal(drift.From.Record.ScanId, since.ThenScanId);
        Assert.Equal(changes.Then!.Score, since.ScoreThen);
        Assert.Equal(changes.Now.Score, since.ScoreNow);
        Assert.Equal(changes.ScorePoints, since.ScorePoints);
        Assert.Equal(changes.Then.GapCents, since.GapThenCents);
        Assert.Equal(changes.Now.GapCents, since.GapNowCents);
        Assert.Equal(changes.GapCents, since.GapChangeCents);
        Assert.Equal(drift.ViolationsFixed, since.ViolationsFixed);
        Assert.Equal(drift.ViolationsNew, since.ViolationsNew);
        Assert.True(since.ViolationsFixed > 0 && since.ViolationsNew > 0, $"fixed {since.ViolationsFixed}, new {since.ViolationsNew}");
        Assert.Equal(3, since.Trend.Length);
        Assert.Equal(changes.Now.Score, since.Trend[^1].Score);
        output.WriteLine($"score {since.ScoreThen:P2} -> {since.ScoreNow:P2} ({since.ScorePoints} points), gap {since.GapThenCents} -> {since.GapNowCents} cents, fixed {since.ViolationsFixed}, new {since.ViolationsNew}, trend {string.Join(", ", since.Trend.Select(t => $"{t.Score:P1}"))}");

        var markdown = ReportMarkdownWriter.Render(report);
        Assert.Contains("| Violations fixed |  |  | " + ReportFormat.Count(drift.ViolationsFixed) + " |", markdown, StringComparison.Ordinal);

        var csv = await client.GetStringAsync("/api/reports/regions?format=csv");
        var allRow = csv.Split("\r\n").Single(l => l.StartsWith("all,", StringComparison.Ordinal));
        Assert.EndsWith($",{drift.ViolationsFixed},{drift.ViolationsNew}", allRow, StringComparison.Ordinal);

        // The PDF: page 2 opens with the section and its chart; rendered to PNG for a look.
        var pdf = await client.GetByteArrayAsync("/api/reports/regions?format=pdf");
        var folder = Path.Combine(Path.GetTempPath(), "finops-since-last-period");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, "report.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        Assert.Contains("Since the last period", Run("pdftotext", $"-f 2 -l 2 {pdfPath} -"), StringComparison.Ordinal);
        Run("pdftoppm", $"-f 2 -l 2 -r 80 -png {pdfPath} {Path.Combine(folder, "page")}");
        var png = Directory.GetFiles(folder, "page*.png").Single();
        Assert.True(new FileInfo(png).Length > 10_000);
        output.WriteLine("PNG: " + png);
    }

    private static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
