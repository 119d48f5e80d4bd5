using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.State;

namespace FinOps.Tests.Integration.History;

/// <summary>The real store with a switch that makes it unreachable, as a stopped database server would.</summary>
public sealed class OutageHistory(IScanHistory store) : IScanHistory
{
    private volatile bool _down;

    /// <summary>While true every call fails as a database that cannot be reached does.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public string Provider => store.Provider;

    public Task SaveAsync(ScanArchive archive, CancellationToken cancellationToken) =>
        Guard(() => store.SaveAsync(archive, cancellationToken));

    public Task<AccountState?> LoadStateAsync(string? asOfScanId, CancellationToken cancellationToken) =>
        Guard(() => store.LoadStateAsync(asOfScanId, cancellationToken));

    public Task<ScanPage> ListScansAsync(int limit, string? cursor, CancellationToken cancellationToken) =>
        Guard(() => store.ListScansAsync(limit, cursor, cancellationToken));

    public Task<StoredScan?> FindScanAsync(string scanId, CancellationToken cancellationToken) =>
        Guard(() => store.FindScanAsync(scanId, cancellationToken));

    public Task<TaggingPolicy?> FindPolicyAsync(string policyHash, CancellationToken cancellationToken) =>
        Guard(() => store.FindPolicyAsync(policyHash, cancellationToken));

    public Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(TrendQuery query, CancellationToken cancellationToken) =>
        Guard(() => store.ReadTrendAsync(query, cancellationToken));

    public Task<IReadOnlyList<ObservationChange>> CompareAsync(string fromScanId, string toScanId, CancellationToken cancellationToken) =>
        Guard(() => store.CompareAsync(fromScanId, toScanId, cancellationToken));

    public Task<IReadOnlyList<ResourceObservation>> ReadResourceHistoryAsync(string arn, int limit, CancellationToken cancellationToken) =>
        Guard(() => store.ReadResourceHistoryAsync(arn, limit, cancellationToken));

    public Task<CompactionOutcome> CompactAsync(DateTimeOffset keepSince, CancellationToken cancellationToken) =>
        Guard(() => store.CompactAsync(keepSince, cancellationToken));

    public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken) =>
        Down ? Task.FromResult(new StoreHealth(false, Provider, "connection refused (the test stopped the database)"))
            : store.CheckAsync(cancellationToken);

    private Task<T> Guard<T>(Func<Task<T>> call) =>
        Down ? Task.FromException<T>(new HistoryUnavailableException("connection refused (the test stopped the database).")) : call();

    private Task Guard(Func<Task> call) =>
        Down ? Task.FromException(new HistoryUnavailableException("connection refused (the test stopped the database).")) : call();
}
