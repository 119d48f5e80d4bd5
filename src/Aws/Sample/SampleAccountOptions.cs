using System.ComponentModel.DataAnnotations;

namespace FinOps.Aws.Sample;

/// <summary>
/// Settings of the built-in sample account (section <c>FinOps:Sample</c>). The account is generated from
/// <see cref="Seed"/> and <see cref="Size"/> alone; <see cref="DailyTagChangePercent"/> lets it change from scan to
/// scan; the other settings simulate how the account answers (latency, faults) and never change its content. Faults are off by default; a small latency is on so progress is visible.
/// </summary>
public sealed class SampleAccountOptions : IValidatableObject
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "FinOps:Sample";

    /// <summary>The largest account that can be generated (benchmarks use 1,000,000).</summary>
    public const int MaxSize = 2_000_000;

    private const string Prefix = SectionName + ":";

    /// <summary>Seed of the generator: the same seed and size always give the same account.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Prefix + "Seed must be between {1} and {2}.")]
    public int Seed { get; set; } = 42;

    /// <summary>
    /// About how many resources to generate (cost-generating and free types together; each region with resources
    /// also gets its default VPC and security group, so the count may exceed this by a few dozen).
    /// </summary>
    [Range(0, MaxSize, ErrorMessage = Prefix + "Size must be between {1} and {2}.")]
    public int Size { get; set; } = 6_000;

    /// <summary>Resources per listing page (AWS list calls return 50–1,000).</summary>
    [Range(1, 1_000, ErrorMessage = Prefix + "PageSize must be between {1} and {2}.")]
    public int PageSize { get; set; } = 100;

    /// <summary>Simulated latency of every call (region list, each page, cost query), in milliseconds; 0 for none.</summary>
    [Range(0, 60_000, ErrorMessage = Prefix + "LatencyMilliseconds must be between {1} and {2}.")]
    public int LatencyMilliseconds { get; set; } = 15;

    /// <summary>Random extra latency of up to this many milliseconds per call.</summary>
    [Range(0, 60_000, ErrorMessage = Prefix + "LatencyJitterMilliseconds must be between {1} and {2}.")]
    public int LatencyJitterMilliseconds { get; set; } = 10;

    /// <summary>Regions (or <c>global</c>, for global types) where every listing fails with a permanent error.</summary>
    public IList<string> FailingRegions { get; set; } = [];

    /// <summary>Regions (or <c>global</c>) where every listing is denied (the identity lacks the list permission).</summary>
    public IList<string> AccessDeniedRegions { get; set; } = [];

    /// <summary>Regions whose calls take <see cref="SlowRegionLatencyMilliseconds"/> instead of the normal latency.</summary>
    public IList<string> SlowRegions { get; set; } = [];

    /// <summary>Latency of each call in a slow region, in milliseconds.</summary>
    [Range(0, 600_000, ErrorMessage = Prefix + "SlowRegionLatencyMilliseconds must be between {1} and {2}.")]
    public int SlowRegionLatencyMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Throttling bursts: the first this-many listings of each (region, type) fail with a transient
    /// <c>ThrottlingException</c>, then one succeeds, and the pattern repeats. 0 turns throttling off.
    /// </summary>
    [Range(0, 100, ErrorMessage = Prefix + "ThrottleBursts must be between {1} and {2}.")]
    public int ThrottleBursts { get; set; }

    /// <summary>Regions (or <c>global</c>) throttled by <see cref="ThrottleBursts"/>; empty means every region.</summary>
    public IList<string> ThrottledRegions { get; set; } = [];

    /// <summary>
    /// Simulate the live scanner's coverage: types listed through the Resource Groups Tagging API do not show
    /// resources that never had a tag, and report <c>tagged-only</c> coverage. Off: every listing is complete.
    /// </summary>
    public bool TaggedOnlyCoverage { get; set; }

    /// <summary>The largest accepted <see cref="DailyTagChangePercent"/>.</summary>
    public const int MaxDailyTagChangePercent = 20;

    /// <summary>
    /// How much the account changes per simulated day, in per cent of its resources: touched resources get a missing
    /// or wrong tag fixed or lose a tag or get a wrong value, and about a tenth as many resources are added and
    /// removed. Every scan after the first advances the account one simulated day (the first scan sees day 0).
    /// 0, the default, keeps the account exactly as generated.
    /// </summary>
    [Range(0, MaxDailyTagChangePercent, ErrorMessage = Prefix + "DailyTagChangePercent must be between {1} and {2} (per cent of the resources changed per simulated day; 0 turns the change off).")]
    public int DailyTagChangePercent { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, regions) in RegionSettings())
        {
            foreach (var region in regions)
            {
                if (!SampleRegions.IsKnown(region) && region != SampleRegions.Global)
                {
                    yield return new ValidationResult(
                        $"{Prefix}{name} contains '{region}', which is not a region of the sample account. " +
                        $"Use '{SampleRegions.Global}' or any of: {string.Join(", ", SampleRegions.All.Select(r => r.Name))}.",
                        [name]);
                }
            }
        }
    }

    private IEnumerable<(string Name, IList<string> Regions)> RegionSettings()
    {
        yield return (nameof(FailingRegions), FailingRegions ?? []);
        yield return (nameof(AccessDeniedRegions), AccessDeniedRegions ?? []);
        yield return (nameof(SlowRegions), SlowRegions ?? []);
        yield return (nameof(ThrottledRegions), ThrottledRegions ?? []);
    }
}
