using System.Collections.Immutable;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.History;

/// <summary>Which two states to compare and which changes to keep.</summary>
/// <param name="FromScanId">The earlier scan; null: the one before <paramref name="ToScanId"/> (or the newest at or before <paramref name="Since"/>).</param>
/// <param name="ToScanId">The later scan; null: the newest kept scan.</param>
/// <param name="Since">When <paramref name="FromScanId"/> is null: compare with the newest scan at or before this time.</param>
/// <param name="Scope">Regions and types to keep.</param>
/// <param name="TagKeys">Keep only changes touching these tag keys (tags or violations); empty: every key.</param>
public sealed record DriftQuery(string? FromScanId, string? ToScanId, DateTimeOffset? Since, ScanScope Scope, ImmutableArray<string> TagKeys)
{
    /// <summary>The latest scan against the one before it, every region and type, every key.</summary>
    public static DriftQuery Latest { get; } = new(null, null, null, ScanScope.EveryType, []);
}
