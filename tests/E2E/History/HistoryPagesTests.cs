using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.E2E.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.History;

/// <summary>
/// Trends and drift over two kept scans of the sample: the first covers two regions under the shipped policy, the
/// second every region under a new policy version, so resources are added, every figure moves and the policy change
/// is marked on the charts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryPagesTests(BrowserFixture browser) : IDisposable
{
    private const string NewVersion = "e2e-history-2";

    private readonly FinOpsAppHost _app = FinOpsAppHost.Start(new Dictionary<string, string?>
    {
        ["FinOps:Dashboard:ScanOnStartup"] = "false",
        ["FinOps:Sample:Size"] = "800",
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
    });

    [Fact]
    public async Task Trends_chart_both_scans_with_the_policy_change_and_drift_lists_what_the_second_scan_added()
    {
        await ScanAndKeepAsync(ScanRequest.Default with { Scope = ScanRequest.Default.Scope.WithRegions(["eu-west-1", "us-east-1"]) });
        var policies = _app.Services.GetRequiredService<PolicyService>();
        var policy = await policies.GetPolicyAsync(CancellationToken.None);
        await policies.SaveAsync(TaggingPolicyJson.Serialize(policy with { Version = NewVersion, RequiredTags = [.. policy.RequiredTags.Take(2)] }),
            "e2e", CancellationToken.None);
        await ScanAndKeepAsync(ScanRequest.Default with { ForceRefresh = true });

        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("overall-score-change")).ToContainTextAsync("since last scan");
        await Assertions.Expect(page.GetByTestId("violations-change")).ToContainTextAsync("▲");
        await BrowserFixture.ScreenshotAsync(page, "overview-changes");

        await BrowserFixture.OpenAsync(page, "/trends");
        foreach (var chart in new[] { "score-trend-chart", "gap-trend-chart", "violations-trend-chart", "in-scope-trend-chart" })
        {
            await Assertions.Expect(page.GetByTestId(chart).Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByTestId("score-trend-chart").Locator(".apexcharts-xaxis-annotations text", new() { HasText = "Policy " + NewVersion })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("policy-change")).ToContainTextAsync(NewVersion);
        await Assertions.Expect(page.GetByTestId("trend-summary")).ToContainTextAsync("2 kept scans");
        await BrowserFixture.ScreenshotAsync(page, "trends-overall");

        await BrowserFixture.OpenAsync(page, "/trends?group=region&regions=eu-west-1,us-east-1,eu-central-1");
        await Assertions.Expect(page.GetByTestId("score-trend-chart").Locator(".apexcharts-legend-text", new() { HasText = "eu-central-1" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "trends-per-region");

        await BrowserFixture.OpenAsync(page, "/drift");
        await Assertions.Expect(page.GetByTestId("drift-row").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("drift-resources-caption")).ToContainTextAsync("added");
        await Assertions.Expect(page.GetByTestId("drift-between")).ToContainTextAsync("policy " + NewVersion);
        await BrowserFixture.ScreenshotAsync(page, "drift-latest");

        await BrowserFixture.OpenAsync(page, "/drift?regions=eu-central-1&kind=added");
        await Assertions.Expect(page.GetByTestId("drift-row").First).ToContainTextAsync("eu-central-1");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("drift-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("change,region,resource_type,arn", csv, StringComparison.Ordinal);
        Assert.Equal(await page.GetByTestId("drift-row").CountAsync(), csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        await BrowserFixture.ScreenshotAsync(page, "drift-filtered");
    }

    /// <summary>Runs a scan through the app's services and waits until history has saved it.</summary>
    private async Task ScanAndKeepAsync(ScanRequest request)
    {
        var recorder = _app.Services.GetRequiredService<HistoryRecorder>();
        var saved = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? scanId = null;
        void OnStatus(HistoryStatus status)
        {
            if (scanId is not null && status.LastSavedScanId == scanId)
            {
                saved.TrySetResult(scanId);
            }
        }

        recorder.StatusChanged += OnStatus;
        try
        {
            var job = await _app.Services.GetRequiredService<ComplianceService>().StartScanAsync(request, CancellationToken.None);
            scanId = (await job.Completion).ScanId;
            OnStatus(recorder.Status);
            await saved.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            recorder.StatusChanged -= OnStatus;
        }
    }

    public void Dispose() => _app.Dispose();
}
