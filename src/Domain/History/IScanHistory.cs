using FinOps.Domain.State;

namespace FinOps.Domain.History;

/// <summary>
/// The history store (a database): every finished scan and what it observed, deduplicated; the account state as of
/// any kept scan; trend points; the resources that changed between two states. Implemented by the Store project (SQLite
/// embedded, PostgreSQL for teams). Every method throws <see cref="HistoryUnavailableException"/> when the database
/// cannot be reached, so callers keep serving what they have and say so.
/// </summary>
public interface IScanHistory
{
    /// <summary>Which database, and where (without secrets): for operators, in the log and the health check.</summary>
    string Provider { get; }

    /// <summary>Which kind of database ("SQLite", "PostgreSQL"), without where: for callers of the tools and pages.</summary>
    string Kind => Provider.Split(" at ", 2)[0];

    /// <summary>
    /// Keeps a finished scan. Idempotent: saving the same scan id again changes nothing. An observation equal to the
    /// resource's previous one is stored as a reference to it, not a copy.
    /// </summary>
    Task SaveAsync(ScanArchive archive, CancellationToken cancellationToken);

    /// <summary>
    /// The account state right after a kept scan (null: after the newest one): per unit the latest successful
    /// observation up to that scan and the latest attempt, the spend and the context of the newest scan up to it.
    /// Null when no scan is kept (or the named one is unknown).
    /// </summary>
    Task<AccountState?> LoadStateAsync(string? asOfScanId, CancellationToken cancellationToken);

    /// <summary>Kept scans, newest first, <paramref name="limit"/> at a time.</summary>
    Task<ScanPage> ListScansAsync(int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>One kept scan without its resources, or null.</summary>
    Task<StoredScan?> FindScanAsync(string scanId, CancellationToken cancellationToken);

    /// <summary>The policy document a kept scan was judged by (by its content hash), or null.</summary>
    Task<Policy.TaggingPolicy?> FindPolicyAsync(string policyHash, CancellationToken cancellationToken);

    /// <summary>Trend points, oldest first.</summary>
    Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(TrendQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The resources whose observation differs between the account states right after two kept scans (in any order of
    /// the arguments: <paramref name="fromScanId"/> is the "before"). Only changed resources come back.
    /// </summary>
    Task<IReadOnlyList<ObservationChange>> CompareAsync(string fromScanId, string toScanId, CancellationToken cancellationToken);

    /// <summary>
    /// The kept scans in which the resource with this ARN was observed, newest first, at most <paramref name="limit"/>
    /// (1 to 1,000): each scan's id, finish time and policy hash, and the observation. Empty for an ARN never observed.
    /// </summary>
    Task<IReadOnlyList<ResourceObservation>> ReadResourceHistoryAsync(string arn, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Drops the per-resource detail of scans finished before <paramref name="keepSince"/> (their records and trend points
    /// stay; the current state's observations always stay) and the observations nothing references any more.
    /// </summary>
    Task<CompactionOutcome> CompactAsync(DateTimeOffset keepSince, CancellationToken cancellationToken);

    /// <summary>Asks the database a trivial question; never throws.</summary>
    Task<StoreHealth> CheckAsync(CancellationToken cancellationToken);
}
