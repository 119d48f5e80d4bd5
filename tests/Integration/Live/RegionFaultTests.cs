using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.AwsFake;

namespace FinOps.Tests.Integration.Live;

/// <summary>
/// Region-level faults through the real scanning graph (ComplianceService → MultiRegionScanner → live adapters → wire
/// fake), configured by settings only. Two retry layers meet here: the SDK (and the signed JSON client) retries each
/// HTTP request up to <c>FinOps:Aws:MaxRetries</c> times; the scanner restarts a (region, type) listing that still
/// failed up to <c>FinOps:Scan:MaxRetries</c> times; <c>FinOps:Scan:RegionScanTimeoutSeconds</c> bounds both.
/// </summary>
public sealed class RegionFaultTests
{
    private const string Instances = "ec2:instance";
    private const string Functions = "lambda:function";

    private static readonly string[] EnabledRegions = ["af-south-1", "eu-west-1", "us-east-1", "us-west-2"];

    [Fact]
    public async Task A_clean_scan_covers_every_enabled_region_and_skips_the_ones_not_opted_in()
    {
        await using var scan = await LiveScanHarness.StartAsync();

        var (final, result) = await scan.ScanAsync(ScanRequest.Default);

        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        Assert.Equal(EnabledRegions, result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.Equal(["ap-east-1", "me-south-1"], result.RegionMetadata.SkippedRegions.ToArray());
        Assert.Equal(FakeAccountSeed.Account, result.Account.AccountId);
        Assert.All(final.Regions, r => Assert.Equal(0, r.Retries));
        // Four running or stopped instances in us-east-1 (terminated and shutting-down ones are not resources).
        Assert.Equal(4, result.Resources.Count(r => r.Type == Instances && r.Region == "us-east-1"));
        Assert.DoesNotContain(scan.Fake.Requests, r => r.Region is "ap-east-1" or "me-south-1");
    }

    [Fact]
    public async Task Throttled_twice_then_ok_the_region_succeeds_and_the_sdk_absorbs_the_retries()
    {
        await using var scan = await LiveScanHarness.StartAsync();
        scan.Fake.Faults.For("eu-west-1", "DescribeInstances").Throttle(2);

        var (final, result) = await scan.ScanAsync(ScanRequest.Default);

        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        Assert.Contains("eu-west-1", result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.Equal(3, result.Resources.Count(r => r.Type == Instances && r.Region == "eu-west-1"));
        // The SDK retried the page itself: the scanner never had to restart the listing.
        Assert.Equal(0, Row(final, "eu-west-1").Retries);
        Assert.Equal(["attempt=1; max=4", "attempt=2; max=4", "attempt=3; max=4"],
            scan.Requests("eu-west-1", "DescribeInstances").Take(3).Select(r => r.Attempt));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_sdk_retries_is_retried_by_the_scanner_and_the_region_succeeds()
    {
        await using var scan = await LiveScanHarness.StartAsync(new Dictionary<string, string?> { ["FinOps:Aws:MaxRetries"] = "1" });
        scan.Fake.Faults.For("eu-west-1", "GetResources").Throttle(3);

        var (final, result) = await scan.ScanAsync(Only(Functions, Instances));

        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        Assert.Single(result.Resources, r => r.Type == Functions && r.Region == "eu-west-1");
        // Attempts 1–2 (one SDK-level retry) failed, the scanner restarted the listing once, whose 2nd attempt worked.
        Assert.Equal(1, Row(final, "eu-west-1").Retries);
        Assert.Equal([FaultKind.Throttle, FaultKind.Throttle, FaultKind.Throttle, null],
            scan.Requests("eu-west-1", "GetResources").Select(r => r.Fault));
    }

    [Fact]
    public async Task A_permanently_throttled_region_fails_after_both_retry_budgets_and_the_others_complete()
    {
        await using var scan = await LiveScanHarness.StartAsync(new Dictionary<string, string?>
        {
            ["FinOps:Aws:MaxRetries"] = "2",
            ["FinOps:Scan:MaxRetries"] = "2",
        });
        scan.Fake.Faults.For("eu-west-1", "GetResources").Throttle(1_000);

        var (final, result) = await scan.ScanAsync(Only(Functions, Instances));

        var failed = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("eu-west-1", failed.Region);
        Assert.Contains("ThrottlingException", failed.Reason);
        Assert.Contains("still failing after 2 retries", failed.Reason);
        Assert.Equal(["af-south-1", "us-east-1", "us-west-2"], result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        // Bounded: (SDK attempts 2 + 1) × (scanner attempts 2 + 1) requests, no more, and the region gave up on the
        // throttling itself, well inside its 5 s allowance.
        Assert.Equal(3 * 3, scan.Requests("eu-west-1", "GetResources").Count);
        Assert.Equal(2, Row(final, "eu-west-1").Retries);
        Assert.True(Row(final, "eu-west-1").Elapsed < TimeSpan.FromSeconds(5), $"took {Row(final, "eu-west-1").Elapsed}");
    }

    [Fact]
    public async Task A_permanently_throttled_region_fails_by_its_timeout_at_the_latest_whatever_the_retry_budgets()
    {
        // Budgets that would take far longer than the region's 5 s: 10 SDK retries (back-off up to 1, 2, 4, … s) per
        // request, 10 scanner restarts of the listing.
        await using var scan = await LiveScanHarness.StartAsync(new Dictionary<string, string?>
        {
            ["FinOps:Aws:MaxRetries"] = "10",
            ["FinOps:Scan:MaxRetries"] = "10",
        });
        scan.Fake.Faults.For("eu-west-1", "DescribeInstances").Throttle(1_000);

        var (final, result) = await scan.ScanAsync(Only(Instances));

        var failed = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("eu-west-1", failed.Region);
        Assert.Contains("timed out after 5 s", failed.Reason);
        Assert.Equal(["af-south-1", "us-east-1", "us-west-2"], result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.True(scan.Requests("eu-west-1", "DescribeInstances").Count < 11 * 11);
        Assert.True(Row(final, "eu-west-1").Elapsed < TimeSpan.FromSeconds(8), $"took {Row(final, "eu-west-1").Elapsed}");
    }

    [Fact]
    public async Task Permanent_access_denied_in_one_region_fails_that_region_naming_the_permission_and_the_others_complete()
    {
        await using var scan = await LiveScanHarness.StartAsync();
        scan.Fake.Faults.For("eu-west-1", "DescribeInstances").DenyAccess();

        var (final, result) = await scan.ScanAsync(ScanRequest.Default);

        var failed = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("eu-west-1", failed.Region);
        Assert.Contains("ec2:DescribeInstances", failed.Reason);
        Assert.Contains("docs/iam-policy.json", failed.Reason);
        Assert.Equal(["af-south-1", "us-east-1", "us-west-2"], result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("eu-west-1") && n.Contains("ec2:DescribeInstances"));
        // A failed region keeps nothing, not even the buckets homed there; the others keep theirs.
        Assert.DoesNotContain(result.Resources, r => r.Region == "eu-west-1");
        Assert.Contains(result.Resources, r => r.Type == "s3:bucket" && r.Region == "us-west-2");
        var row = result.Region("eu-west-1");
        Assert.NotNull(row);
        Assert.Equal(RegionScanStatus.Failed, row.Status);
        // A denial is final on both layers: one request, no scanner retry.
        Assert.Single(scan.Requests("eu-west-1", "DescribeInstances"));
        Assert.Equal(0, Row(final, "eu-west-1").Retries);
    }

    [Fact]
    public async Task A_stalled_region_is_reported_as_timed_out_and_the_others_complete()
    {
        await using var scan = await LiveScanHarness.StartAsync();
        scan.Fake.Faults.For("us-west-2", "DescribeInstances").StallAlways();

        var (final, result) = await scan.ScanAsync(Only(Instances, Functions));

        var failed = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("us-west-2", failed.Region);
        Assert.Contains("timed out after 5 s", failed.Reason);
        Assert.Equal(["af-south-1", "eu-west-1", "us-east-1"], result.RegionMetadata.SuccessfulRegions.ToArray());
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
        Assert.Equal(RegionScanStatus.Failed, Row(final, "us-west-2").Status);
        // Each attempt was given up after the 1 s request timeout, so several attempts fit in the region's 5 s.
        Assert.InRange(scan.Requests("us-west-2", "DescribeInstances").Count, 2, 5);
    }

    [Fact]
    public async Task A_region_that_answers_opt_in_required_fails_at_once_and_regions_not_opted_in_are_skipped()
    {
        await using var scan = await LiveScanHarness.StartAsync();
        scan.Fake.Faults.For("af-south-1", "DescribeInstances").RequireOptIn();

        var (final, result) = await scan.ScanAsync(Only(Instances, Functions));

        var failed = Assert.Single(result.RegionMetadata.FailedRegions);
        Assert.Equal("af-south-1", failed.Region);
        Assert.Contains("not enabled for this account", failed.Reason);
        Assert.Equal(["ap-east-1", "me-south-1"], result.RegionMetadata.SkippedRegions.ToArray());
        Assert.Null(result.Region("ap-east-1"));
        Assert.Single(scan.Requests("af-south-1", "DescribeInstances"));
        Assert.Equal(0, Row(final, "af-south-1").Retries);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
    }

    private static ScanRequest Only(params string[] types) => new([.. types], []);

    private static RegionProgress Row(ScanJobSnapshot snapshot, string region) => Assert.Single(snapshot.Regions, r => r.Region == region);
}
