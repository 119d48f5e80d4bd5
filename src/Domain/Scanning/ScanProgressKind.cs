namespace FinOps.Domain.Scanning;

/// <summary>What a <see cref="ScanProgressEvent"/> reports.</summary>
public enum ScanProgressKind
{
    /// <summary>The region waits for a free slot (<c>MaxConcurrentRegions</c>).</summary>
    RegionQueued,
    /// <summary>Listing in the region began.</summary>
    RegionStarted,
    /// <summary>A page of resources was listed and evaluated.</summary>
    PageFetched,
    /// <summary>A type's listing finished in the region.</summary>
    TypeListed,
    /// <summary>A transient failure; the type's listing starts again after a backoff.</summary>
    Retrying,
    /// <summary>Every type of the region was listed.</summary>
    RegionSucceeded,
    /// <summary>The region failed (a type failed after retries, or the region timed out); its resources are dropped.</summary>
    RegionFailed,
    /// <summary>The scan was cancelled before the region finished.</summary>
    RegionCancelled,
}
