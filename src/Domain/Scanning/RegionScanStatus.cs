namespace FinOps.Domain.Scanning;

/// <summary>How a region's scan ended (or where it is while running).</summary>
public enum RegionScanStatus
{
    Queued,
    Running,
    Retrying,
    Succeeded,
    Failed,
    Cancelled,
    /// <summary>Not scanned: not opted in, or excluded by <c>AllowedRegions</c>.</summary>
    Skipped,
    /// <summary>No scan has listed the region yet (the account state knows nothing of it).</summary>
    NotScanned,
}
