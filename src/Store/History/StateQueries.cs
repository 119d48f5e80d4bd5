using FinOps.Domain.Scanning;

namespace FinOps.Store.History;

/// <summary>
/// The SQL that finds the account state as of a scan (same text on both databases): per unit its latest attempt and its
/// latest successful attempt up to that scan, and the observations the latter referenced.
/// </summary>
internal static class StateQueries
{
    /// <summary>The status number of a unit whose listing succeeded.</summary>
    public const int Succeeded = (int)RegionScanStatus.Succeeded;

    /// <summary>Per unit, the newest scan up to <c>@{asOf}</c> that listed it successfully: (unit_id, seq).</summary>
    public static string LatestSuccess(string asOf) =>
        $"SELECT unit_id, MAX(scan_seq) AS seq FROM unit_outcomes WHERE scan_seq <= @{asOf} AND status = {Succeeded} GROUP BY unit_id";

    /// <summary>Per unit, the newest attempt up to <c>@asOf</c>: (unit_id, scan_seq, status, failure_reason).</summary>
    public const string LatestAttempts =
        "SELECT o.unit_id, o.scan_seq, o.status, o.failure_reason FROM unit_outcomes o " +
        "JOIN (SELECT unit_id, MAX(scan_seq) AS seq FROM unit_outcomes WHERE scan_seq <= @asOf GROUP BY unit_id) l " +
        "ON l.unit_id = o.unit_id AND l.seq = o.scan_seq";

    /// <summary>The observation ids making up the state as of <c>@{asOf}</c>.</summary>
    public static string ObservationIds(string asOf) =>
        $"SELECT so.observation_id AS id FROM ({LatestSuccess(asOf)}) l " +
        "JOIN scan_observations so ON so.scan_seq = l.seq AND so.unit_id = l.unit_id";

    /// <summary>The state's resources as of <c>@asOf</c>: (unit_id, arn, payload).</summary>
    public static readonly string Observations =
        $"SELECT l.unit_id, r.arn, o.payload FROM ({LatestSuccess("asOf")}) l " +
        "JOIN scan_observations so ON so.scan_seq = l.seq AND so.unit_id = l.unit_id " +
        "JOIN observations o ON o.id = so.observation_id " +
        "JOIN resources r ON r.id = o.resource_id";

    /// <summary>
    /// The observations in one state and not the other (<c>side</c> 0: only before, 1: only after) with their resource
    /// and payload: what changed between the states as of <c>@before</c> and <c>@after</c>, compared by id.
    /// </summary>
    public static readonly string Differences =
        $"SELECT d.side, r.unit_id, r.arn, o.payload FROM (" +
        $"SELECT x.id, 0 AS side FROM ({ObservationIds("before")} EXCEPT {ObservationIds("after")}) x " +
        $"UNION ALL SELECT y.id, 1 AS side FROM ({ObservationIds("after")} EXCEPT {ObservationIds("before")}) y) d " +
        "JOIN observations o ON o.id = d.id JOIN resources r ON r.id = o.resource_id";
}
