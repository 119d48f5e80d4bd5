using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Fakes;

namespace FinOps.Tests.Unit.Scanning;

/// <summary>The aggregator checked end to end over the fakes: dedup, reconciliation, filters, data quality.</summary>
public sealed class ComplianceAggregatorSanityTests
{
    private const string Compute = "Amazon Elastic Compute Cloud - Compute";

    private static ScanHarness Account()
    {
        var harness = new ScanHarness(new[] { "eu-west-1", "us-east-1" }.Select(r => new RegionInfo(r, OptInStatus.OptInNotRequired)));
        harness.Inventory.Add(
            TestResources.Regional("ec2:instance", "us-east-1", 1),
            TestResources.Regional("ec2:instance", "us-east-1", 2, compliant: false),
            TestResources.Regional("ec2:instance", "us-east-1", 3) with { State = "stopped" },
            TestResources.Regional("ec2:instance", "eu-west-1", 1, compliant: false),
            TestResources.Regional("lambda:function", "eu-west-1", 1),
            TestResources.Bucket("logs", "eu-west-1", compliant: false),
            TestResources.Role("admin"));
        harness.Costs.Lines.AddRange(
        [
            new CostLine(Compute, "us-east-1", 1001),
            new CostLine("Tax", "us-east-1", 500),
            new CostLine("AWS Lambda", "us-east-1", 70),
            new CostLine(Compute, "eu-west-1", 300),
            new CostLine("AWS Lambda", "eu-west-1", 40),
            new CostLine("Amazon Simple Storage Service", "eu-west-1", 25),
            new CostLine("Amazon CloudFront", "global", 900),
        ]);
        return harness;
    }

    private static readonly ScanRequest Everything = ScanHarness.Request(["ec2:instance", "lambda:function", "s3:bucket", "iam:role"]);

    [Fact]
    public async Task A_resource_listed_twice_counts_once()
    {
        using var harness = Account();
        harness.Inventory.Add(TestResources.Regional("ec2:instance", "us-east-1", 1));

        var result = await harness.ScanAsync(Everything);

        Assert.Equal(7, result.Summary.TotalResources);
        Assert.Single(result.Resources, r => r.Arn == TestResources.Regional("ec2:instance", "us-east-1", 1).Arn);
    }

    [Fact]
    public async Task Every_region_and_the_total_reconcile_to_the_cent()
    {
        using var harness = Account();

        var result = await harness.ScanAsync(Everything);

        Assert.All(result.Regions, r => Assert.True(r.Costs.Reconciles, $"{r.Region}: {r.Costs}"));
        Assert.Equal(1001 + 500 + 70 + 300 + 40 + 25 + 900, result.Costs.TotalCents);
        Assert.Equal(500, result.Costs.UntaggableCents);
        Assert.Equal(70 + 900, result.Costs.UnallocatedCents);

        // us-east-1: the running instances split the compute line (1001 → 501 + 500), the stopped one costs nothing.
        var usEast = result.Region("us-east-1")!;
        Assert.Equal(500, usEast.Summary.GapCents);
        Assert.Equal(501, usEast.Summary.AttributableCents);
        Assert.Equal(300 + 25, result.Region("eu-west-1")!.Summary.GapCents);
        Assert.Equal(40, result.Region("eu-west-1")!.Summary.OutOfScopeCents);
        Assert.Equal(500 + 300 + 25, result.Summary.GapCents);
    }

    [Fact]
    public async Task A_request_filtered_to_regions_takes_in_no_global_spend()
    {
        using var harness = Account();

        var result = await harness.ScanAsync(ScanHarness.Request(["ec2:instance", "s3:bucket", "iam:role"], ["eu-west-1"]));

        Assert.Null(result.Region("global"));
        Assert.DoesNotContain(result.Resources, r => r.Region == "global");
        Assert.Contains(result.Resources, r => r.Arn == "arn:aws:s3:::logs");
        Assert.Equal(300 + 40 + 25, result.Costs.TotalCents);
        Assert.True(result.Costs.Reconciles);
    }

    [Fact]
    public async Task A_view_narrowed_to_regions_recomputes_every_figure()
    {
        using var harness = Account();
        var result = await harness.ScanAsync(Everything);

        var view = result.ForRegions(["us-east-1", "global"]);

        Assert.Equal(4, view.Summary.TotalResources);
        Assert.Equal(["global", "us-east-1"], view.Regions.Select(r => r.Region));
        Assert.Equal(1001 + 500 + 70 + 900, view.Costs.TotalCents);
        Assert.Equal(1, view.RegionMetadata.TotalRegions);
        Assert.True(view.Costs.Reconciles);
        Assert.Equal(view.Summary.GapCents, view.ViolationsByCost.Where(v => v.Severity == FinOps.Domain.Policy.Severity.Error)
            .DistinctBy(v => v.Arn).Sum(v => v.CostAtStakeCents));
    }

    [Fact]
    public async Task A_failed_region_keeps_its_spend_as_unallocated_and_no_resources()
    {
        using var harness = Account();
        harness.Inventory.Fail("us-east-1", SourceFailureKind.AccessDenied, message: "denied");

        var result = await harness.ScanAsync(Everything);

        var usEast = result.Region("us-east-1")!;
        Assert.Equal(RegionScanStatus.Failed, usEast.Status);
        Assert.Equal(0, usEast.Summary.TotalResources);
        Assert.Equal(1001 + 70, usEast.Costs.UnallocatedCents);
        Assert.Equal(500, usEast.Costs.UntaggableCents);
        Assert.True(usEast.Costs.Reconciles);
        Assert.Equal(DataQualityStatus.Partial, result.DataQuality.Status);
    }

    [Fact]
    public async Task Nothing_succeeding_is_a_failed_result_even_when_only_global_types_were_asked_for()
    {
        using var harness = Account();
        harness.Inventory.Fail("global", SourceFailureKind.AccessDenied, message: "iam:ListRoles denied");

        var result = await harness.ScanAsync(ScanHarness.Request(["iam:role"], ["global"]));

        Assert.Equal(0, result.RegionMetadata.TotalRegions);
        Assert.Equal(DataQualityStatus.Failed, result.DataQuality.Status);
    }

    [Fact]
    public async Task Every_region_failing_is_a_failed_result()
    {
        using var harness = Account();
        harness.Inventory.Fail("us-east-1").Fail("eu-west-1");

        var result = await harness.ScanAsync(ScanHarness.Request(["ec2:instance"]));

        Assert.Equal(DataQualityStatus.Failed, result.DataQuality.Status);
        Assert.Equal(2, result.DataQuality.Notes.Count(n => n.StartsWith("Region ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Nothing_in_scope_scores_one_and_says_why()
    {
        using var harness = Account();

        var result = await harness.ScanAsync(ScanHarness.Request(["lambda:function"]));

        Assert.Equal(1.0, result.Summary.Score);
        Assert.Contains(result.DataQuality.Notes, n => n.Contains("No resource is in scope"));
        Assert.Equal(DataQualityStatus.Complete, result.DataQuality.Status);
        Assert.Equal(Coverage.TaggedOnly, Assert.Single(result.DataQuality.Coverage).Coverage);
    }
}
