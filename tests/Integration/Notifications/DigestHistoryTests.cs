using FinOps.Domain.History;
using FinOps.Domain.Notifications;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Domain.Schedules;
using FinOps.Tests.Integration.Api;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Notifications;

/// <summary>Digests of a second run against the first, through the real history store (a sample account that drifts between scans).</summary>
public sealed class DigestHistoryTests : IAsyncLifetime
{
    private readonly ExportApiHost _host = new(settings: new Dictionary<string, string>
    {
        ["FinOps:Sample:DailyTagChangePercent"] = "10",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ComplianceResult> ScanAndKeepAsync()
    {
        var compliance = _host.Services.GetRequiredService<ComplianceService>();
        var job = await compliance.StartScanAsync(ScanRequest.Default with { ForceRefresh = true }, CancellationToken.None);
        var result = await job.Completion.WaitAsync(TimeSpan.FromSeconds(60));
        var recorder = _host.Services.GetRequiredService<HistoryRecorder>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (recorder.Status.LastSavedScanId != result.ScanId)
        {
            Assert.True(DateTime.UtcNow < deadline, "history saves the scan");
            await Task.Delay(50);
        }

        return result;
    }

    [Fact]
    public async Task Each_owners_changes_are_the_drift_of_their_resources_and_before_is_the_previous_runs_figures()
    {
        var first = await ScanAndKeepAsync();
        var second = await ScanAndKeepAsync();
        var run = new ScheduledRun("nightly", "Nightly", second.AsOf, false, ScanScope.Everything, second.ScanId, first.ScanId, second);

        var digests = await _host.Services.GetRequiredService<DigestService>().BuildAsync(run, CancellationToken.None);

        var drift = await _host.Services.GetRequiredService<HistoryService>()
            .DriftAsync(new DriftQuery(first.ScanId, second.ScanId, null, ScanScope.Everything, []), CancellationToken.None);
        Assert.NotEmpty(drift.Resources);
        Assert.NotNull(digests.Summary.Before);
        var owners = _host.Services.GetRequiredService<OwnerReportService>();
        Assert.Equal(FigureSnapshot.Of(first.Summary), digests.Summary.Before);
        Assert.Equal(drift.Resources.Length, digests.Summary.ChangedResources);
        var stillSeen = drift.Resources.Where(d => second.Find(d.Arn) is not null).ToList();
        foreach (var digest in digests.Owners)
        {
            var mine = digest.Now.Resources.Select(r => r.Arn).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(stillSeen.Where(d => mine.Contains(d.Arn)).Select(d => d.Arn).Order(StringComparer.Ordinal),
                digest.Changes.Where(c => mine.Contains(c.Arn)).Select(c => c.Arn).Order(StringComparer.Ordinal));
            var then = owners.For(first).Find(digest.Owner.Name);
            Assert.Equal(then is null ? null : FigureSnapshot.Of(then.Summary), digest.Before);
        }

        Assert.True(digests.ToSend.Any(), "the drifting account wakes some owners");

        // A previous scan history no longer knows: the run is treated as a first run, nothing thrown.
        var unknown = await _host.Services.GetRequiredService<DigestService>().BuildAsync(run with { PreviousScanId = "no-such-scan" }, CancellationToken.None);
        Assert.Null(unknown.Summary.Before);
        Assert.All(unknown.Owners, d => Assert.Empty(d.Changes));
    }
}
