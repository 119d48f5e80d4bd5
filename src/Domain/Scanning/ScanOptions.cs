using System.ComponentModel.DataAnnotations;

namespace FinOps.Domain.Scanning;

/// <summary>Multi-region scanning settings, bound from <c>FinOps:Scan</c> and validated at start-up.</summary>
public sealed class ScanOptions : IValidatableObject
{
    public const string Section = "FinOps:Scan";
    private const string Prefix = Section + ":";

    /// <summary>Scan every enabled region (true) or only <see cref="DefaultRegion"/> (false).</summary>
    public bool MultiRegionEnabled { get; set; } = true;

    /// <summary>How many regions are scanned at once.</summary>
    [Range(1, 50, ErrorMessage = Prefix + "MaxConcurrentRegions must be between {1} and {2}.")]
    public int MaxConcurrentRegions { get; set; } = 5;

    /// <summary>How many resource types are listed at once inside one region.</summary>
    [Range(1, 32, ErrorMessage = Prefix + "MaxConcurrentTypesPerRegion must be between {1} and {2}.")]
    public int MaxConcurrentTypesPerRegion { get; set; } = 4;

    /// <summary>Time allowed for one region, retries included.</summary>
    [Range(5, 600, ErrorMessage = Prefix + "RegionScanTimeoutSeconds must be between {1} and {2}.")]
    public int RegionScanTimeoutSeconds { get; set; } = 60;

    /// <summary>How long the list of enabled regions is reused.</summary>
    [Range(0, 86_400, ErrorMessage = Prefix + "RegionCacheTtlSeconds must be between {1} and {2}.")]
    public int RegionCacheTtlSeconds { get; set; } = 3600;

    /// <summary>How long a scan result is served from the cache.</summary>
    [Range(0, 86_400, ErrorMessage = Prefix + "ResultCacheTtlSeconds must be between {1} and {2}.")]
    public int ResultCacheTtlSeconds { get; set; } = 3600;

    /// <summary>The region scanned when multi-region is off or discovery fails.</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", ErrorMessage = "FinOps:Scan:DefaultRegion must be a region code such as 'us-east-1'.")]
    public string DefaultRegion { get; set; } = "us-east-1";

    /// <summary>When not empty, only these regions are ever scanned.</summary>
    public List<string> AllowedRegions { get; set; } = [];

    /// <summary>Retries of a transient failure (throttling, 5xx, timeouts) before a type in a region fails.</summary>
    [Range(0, 10, ErrorMessage = Prefix + "MaxRetries must be between {1} and {2}.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles each retry, with full jitter.</summary>
    [Range(1, 60_000, ErrorMessage = Prefix + "RetryBaseDelayMilliseconds must be between {1} and {2}.")]
    public int RetryBaseDelayMilliseconds { get; set; } = 200;

    /// <summary>How long finished scan jobs stay visible (status pages, <c>get_scan_status</c>).</summary>
    [Range(1, 10_080, ErrorMessage = Prefix + "FinishedJobRetentionMinutes must be between {1} and {2}.")]
    public int FinishedJobRetentionMinutes { get; set; } = 120;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var region in AllowedRegions)
        {
            if (string.IsNullOrWhiteSpace(region) || !System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$"))
            {
                yield return new ValidationResult(
                    $"FinOps:Scan:AllowedRegions contains '{region}', which is not a region code such as 'eu-west-1'.",
                    [nameof(AllowedRegions)]);
            }
        }

        // The default region is what disabled mode and a failed discovery scan, so an allow-list must include it.
        if (AllowedRegions.Count > 0 && !AllowedRegions.Any(r => string.Equals(r?.Trim(), DefaultRegion, StringComparison.Ordinal)))
        {
            yield return new ValidationResult(
                $"FinOps:Scan:DefaultRegion '{DefaultRegion}' is not in FinOps:Scan:AllowedRegions ({string.Join(", ", AllowedRegions)}); " +
                "add it there or set DefaultRegion to one of them (it is scanned when multi-region scanning is off or discovery fails).",
                [nameof(DefaultRegion), nameof(AllowedRegions)]);
        }
    }
}
