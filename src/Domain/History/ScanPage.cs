using System.Collections.Immutable;

namespace FinOps.Domain.History;

/// <summary>One page of the scan list, newest first, and the cursor of the next page (null at the end).</summary>
public sealed record ScanPage(ImmutableArray<StoredScan> Scans, string? NextCursor);
