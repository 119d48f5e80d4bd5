using System.Net;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Store;
using FinOps.Tests.Integration.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.History;

/// <summary>
/// The app keeps its history through a store outage and serves the last state after a restart: a finished scan is
/// never lost, the readiness probe says Degraded meanwhile, and a restarted app shows the same figures before any scan.
/// </summary>
public sealed class HistoryRecorderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_scan_finished_while_the_store_is_down_is_saved_when_it_returns()
    {
        OutageHistory? outage = null;
        using var app = SecuredAppHost.Start(services: services => services.AddSingleton<IScanHistory>(sp =>
            outage = new OutageHistory(sp.GetRequiredService<ScanHistoryStore>()) { Down = true }));
        using var http = app.NewHttpClient();
        var recorder = app.Get<HistoryRecorder>();
        await recorder.Restored.WaitAsync(Patience);

        var scan = await app.ScanAsync();

        await Until(() => recorder.Status is { Reachable: false, PendingScans: 1 }, "the recorder to report the waiting scan");
        Assert.Contains("1 finished scan will be saved when it returns", recorder.Status.Warning);
        using (var degraded = await http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
            Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
        }

        Assert.Equal(scan.Summary.Compliant, app.Get<ComplianceService>().LatestResult!.Summary.Compliant);

        outage!.Down = false;

        await Until(() => recorder.Status is { Reachable: true, PendingScans: 0 } && recorder.Status.LastSavedScanId == scan.ScanId,
            "the waiting scan to be saved");
        var saved = await app.Get<IScanHistory>().FindScanAsync(scan.ScanId, CancellationToken.None);
        Assert.NotNull(saved);
        using var healthy = await http.GetAsync("/health/ready");
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_restarted_app_serves_the_last_state_from_the_store_before_any_scan()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "finops-restart-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?> { ["FinOps:DataPath"] = dataPath };
        try
        {
            ComplianceResult before;
            using (var first = SecuredAppHost.Start(settings))
            {
                var recorder = first.Get<HistoryRecorder>();
                before = await first.ScanAsync();
                await Until(() => recorder.Status.LastSavedScanId == before.ScanId, "the scan to be saved");
            }

            using var second = SecuredAppHost.Start(settings);
            await second.Get<HistoryRecorder>().Restored.WaitAsync(Patience);
            var compliance = second.Get<ComplianceService>();

            var after = compliance.LatestResult;
            Assert.NotNull(after);
            Assert.Null(compliance.RunningJob);
            Assert.True(second.Get<HistoryRecorder>().Status.Restored);
            Assert.Equal(before.Summary, after.Summary);
            Assert.Equal(before.Costs, after.Costs);
            Assert.Equal(
                before.ViolationsByCost.Select(v => (v.Arn, v.TagKey, v.GapShareCents)),
                after.ViolationsByCost.Select(v => (v.Arn, v.TagKey, v.GapShareCents)));
        }
        finally
        {
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
