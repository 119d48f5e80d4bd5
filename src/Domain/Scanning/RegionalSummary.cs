namespace FinOps.Domain.Scanning;

/// <summary>One row of the regional breakdown.</summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="Status">How the region's latest attempt went (succeeded, failed, cancelled, not scanned).</param>
/// <param name="FailureReason">Why the latest attempt failed, when it did.</param>
/// <param name="Summary">Counts and money of the region's resources (from the data of <paramref name="DataAsOf"/>).</param>
/// <param name="Costs">The region's spend, reconciled.</param>
/// <param name="DataAsOf">When the data behind the figures was observed; null when there is none.</param>
public sealed record RegionalSummary(
    string Region,
    RegionScanStatus Status,
    string? FailureReason,
    ComplianceSummary Summary,
    CostReconciliation Costs,
    DateTimeOffset? DataAsOf = null)
{
    /// <summary>
    /// Whether the region's figures measure anything: false for a region no scan has listed (failed or never tried),
    /// whose score and gap are unknown — never 100 %, never "no gap", never "nothing in scope".
    /// </summary>
    public bool IsMeasured => DataAsOf is not null;

    /// <summary>Whether the figures come from an earlier scan because the latest attempt failed.</summary>
    public bool IsStale => IsMeasured && Status != RegionScanStatus.Succeeded;

    /// <summary>The compliance score, or null when the region is not measured.</summary>
    public double? Score => IsMeasured ? Summary.Score : null;

    /// <summary>The score in percent (one decimal), or null when the region is not measured.</summary>
    public double? ScorePercent => IsMeasured ? Summary.ScorePercent : null;

    /// <summary>True only for a measured region in which no resource is in scope.</summary>
    public bool NothingInScope => IsMeasured && Summary.NothingInScope;

    /// <summary>The cost attribution gap in cents, or null when the region is not measured.</summary>
    public long? GapCents => IsMeasured ? Costs.GapCents : null;

    /// <summary>Why the figures are unknown or old, in words, or null when they are current.</summary>
    public string? FreshnessText => Status switch
    {
        RegionScanStatus.Succeeded => null,
        RegionScanStatus.NotScanned => "not scanned yet",
        _ when IsMeasured => $"stale: the latest scan failed ({FailureReason ?? "unknown reason"}); figures from {DataAsOf:yyyy-MM-dd HH:mm} UTC",
        _ => $"not scanned: {FailureReason ?? "failed"}",
    };
}
