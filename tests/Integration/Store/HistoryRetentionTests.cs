using FinOps.Domain.History;
using FinOps.Domain.State;
using FinOps.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace FinOps.Tests.Integration.Store;

/// <summary>Retention runs at start-up (then daily) with the configured number of days.</summary>
public sealed class HistoryRetentionTests
{
    [Fact]
    public async Task Retention_compacts_at_start_up_keeping_the_configured_days()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 15, 9, 0, 0, TimeSpan.Zero));
        var history = new CompactionRecorder();
        using var retention = new HistoryRetention(history, MsOptions.Create(new StoreOptions { RetentionDays = 30 }), time,
            NullLogger<HistoryRetention>.Instance);

        await retention.StartAsync(default);
        var keepSince = await history.FirstCompaction.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await retention.StopAsync(default);

        Assert.Equal(new DateTimeOffset(2026, 10, 16, 9, 0, 0, TimeSpan.Zero), keepSince);
    }

    /// <summary>Records the cut-off of the first compaction; everything else is not expected.</summary>
    private sealed class CompactionRecorder : IScanHistory
    {
        public TaskCompletionSource<DateTimeOffset> FirstCompaction { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Provider => "recorder";

        public Task<CompactionOutcome> CompactAsync(DateTimeOffset keepSince, CancellationToken cancellationToken)
        {
            FirstCompaction.TrySetResult(keepSince);
            return Task.FromResult(new CompactionOutcome(0, 0));
        }

        public Task SaveAsync(ScanArchive archive, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<AccountState?> LoadStateAsync(string? asOfScanId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ScanPage> ListScansAsync(int limit, string? cursor, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StoredScan?> FindScanAsync(string scanId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FinOps.Domain.Policy.TaggingPolicy?> FindPolicyAsync(string policyHash, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(TrendQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<ObservationChange>> CompareAsync(string fromScanId, string toScanId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<ResourceObservation>> ReadResourceHistoryAsync(string arn, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
