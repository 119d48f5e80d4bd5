using FinOps.Aws.Live;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Tests.Integration.AwsFake;

namespace FinOps.Tests.Integration.Live;

public sealed class FaultTests
{
    private static readonly ResourceTypeInfo Instance = ResourceCatalogue.Get("ec2:instance");
    private static readonly ResourceTypeInfo Lambda = ResourceCatalogue.Get("lambda:function");

    [Fact]
    public async Task Ec2_throttled_twice_then_ok_succeeds_through_retries()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "DescribeInstances").Throttle(2);

        var instances = await aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync();

        Assert.Equal(4, instances.Count);
        Assert.Equal([FaultKind.Throttle, FaultKind.Throttle, null, null, null], aws.Fake.Of("ec2", "DescribeInstances").Select(r => r.Fault));
    }

    [Fact]
    public async Task Tagging_api_throttled_twice_then_ok_succeeds_through_retries()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "GetResources").Throttle(2);

        var functions = await aws.Inventory.ListAsync("us-east-1", Lambda, CancellationToken.None).AllAsync();

        Assert.Equal(3, functions.Count);
        Assert.Equal(4, aws.Fake.Of("tagging", "GetResources").Count);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "ListBuckets").ServerError(1);
        aws.Fake.Faults.For("us-east-1", "GetResources").ServerError(1);

        Assert.Equal(5, (await aws.Inventory.ListGlobalAsync(ResourceCatalogue.Get("s3:bucket"), CancellationToken.None).AllAsync()).Count);
        Assert.Equal(3, (await aws.Inventory.ListAsync("us-east-1", Lambda, CancellationToken.None).AllAsync()).Count);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_a_transient_failure()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.MaxRetries = 1);
        aws.Fake.Faults.For("us-east-1", "DescribeInstances").Throttle(5);
        aws.Fake.Faults.For("us-east-1", "GetResources").Throttle(5);

        var ec2 = await Assert.ThrowsAsync<ResourceSourceException>(() => aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync());
        var tagging = await Assert.ThrowsAsync<ResourceSourceException>(() => aws.Inventory.ListAsync("us-east-1", Lambda, CancellationToken.None).AllAsync());

        Assert.True(ec2.IsTransient);
        Assert.True(tagging.IsTransient);
        Assert.Contains("RequestLimitExceeded", ec2.Message);
        Assert.Equal(2, aws.Fake.Of("tagging", "GetResources").Count);
    }

    [Theory]
    [InlineData("ec2:instance", "DescribeInstances", "ec2:DescribeInstances")]
    [InlineData("ec2:snapshot", "DescribeSnapshots", "ec2:DescribeSnapshots")]
    [InlineData("lambda:function", "GetResources", "tag:GetResources")]
    [InlineData("dynamodb:table", "ListTables", "dynamodb:ListTables")]
    [InlineData("kms:key", "DescribeKey", "kms:DescribeKey")]
    public async Task Permanent_access_denied_names_the_missing_permission(string typeName, string operation, string permission)
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("eu-west-1", operation).DenyAccess();
        aws.Fake.Faults.For("us-east-1", operation).DenyAccess();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get(typeName), CancellationToken.None).AllAsync());

        Assert.Equal(SourceFailureKind.AccessDenied, failure.Kind);
        Assert.Equal(permission, failure.MissingPermission);
        Assert.Contains(permission, failure.Message);
        Assert.Contains("us-east-1", failure.Message);
        Assert.DoesNotContain(FakeAccountSeed.Account, failure.Message);
        // A denial is final: no call was retried.
        Assert.All(aws.Fake.Requests.Where(r => r.Fault == FaultKind.AccessDenied), r => Assert.StartsWith("attempt=1;", r.Attempt));
    }

    [Fact]
    public async Task Access_denied_on_s3_list_buckets_names_list_all_my_buckets()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "ListBuckets").DenyAccess();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListGlobalAsync(ResourceCatalogue.Get("s3:bucket"), CancellationToken.None).AllAsync());

        Assert.Equal("s3:ListAllMyBuckets", failure.MissingPermission);
    }

    [Fact]
    public async Task Access_denied_in_one_region_leaves_the_other_regions_listing()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("eu-west-1", "DescribeInstances").DenyAccess();

        var denied = await Assert.ThrowsAsync<ResourceSourceException>(() => aws.Inventory.ListAsync("eu-west-1", Instance, CancellationToken.None).AllAsync());
        var east = await aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync();

        Assert.Equal(SourceFailureKind.AccessDenied, denied.Kind);
        Assert.Equal(4, east.Count);
    }

    [Fact]
    public async Task Opt_in_required_is_reported_as_such()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("af-south-1", "DescribeInstances").RequireOptIn();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListAsync("af-south-1", Instance, CancellationToken.None).AllAsync());

        Assert.Equal(SourceFailureKind.OptInRequired, failure.Kind);
        Assert.Contains("af-south-1", failure.Message);
    }

    [Fact]
    public async Task A_region_that_is_not_enabled_answers_opt_in_required()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListAsync("me-south-1", Lambda, CancellationToken.None).AllAsync());

        Assert.Equal(SourceFailureKind.OptInRequired, failure.Kind);
    }

    [Fact]
    public async Task A_stalled_ec2_call_times_out_as_a_transient_failure()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => (o.RequestTimeoutSeconds, o.MaxRetries) = (0.5, 1));
        aws.Fake.Faults.For("us-east-1", "DescribeInstances").StallAlways();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListAsync("us-east-1", Instance, CancellationToken.None).AllAsync());

        Assert.Equal(SourceFailureKind.Transient, failure.Kind);
        Assert.Contains("timed out", failure.Message);
    }

    [Fact]
    public async Task A_stalled_tagging_call_times_out_as_a_transient_failure_after_each_attempt()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => (o.RequestTimeoutSeconds, o.MaxRetries) = (0.3, 1));
        aws.Fake.Faults.For("us-east-1", "GetResources").StallAlways();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(
            () => aws.Inventory.ListAsync("us-east-1", Lambda, CancellationToken.None).AllAsync());

        Assert.Equal(SourceFailureKind.Transient, failure.Kind);
        Assert.Contains("timed out", failure.Message);
        Assert.Equal(2, aws.Fake.Of("tagging", "GetResources").Count);
    }

    [Fact]
    public async Task A_stall_that_times_out_once_then_answers_succeeds()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.RequestTimeoutSeconds = 0.3);
        aws.Fake.Faults.For("us-east-1", "GetCostAndUsage").Stall(1);

        var costs = await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 10), CostMetric.Unblended, []), CancellationToken.None);

        Assert.NotEmpty(costs.Lines);
    }

    [Fact]
    public async Task Cancelling_a_listing_is_cancellation_not_a_failure()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.RequestTimeoutSeconds = 60);
        aws.Fake.Faults.For("us-east-1", "GetResources").StallAlways();
        using var cancel = new CancellationTokenSource();

        var listing = aws.Inventory.ListAsync("us-east-1", Lambda, cancel.Token).AllAsync();
        await aws.Fake.StallStarted;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
    }

    [Fact]
    public async Task Errors_of_the_identity_call_are_mapped_too()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "GetCallerIdentity").DenyAccess();

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(() => aws.Identity.GetCallerAsync(CancellationToken.None));

        Assert.Equal(AwsCalls.GetCallerIdentity.IamAction, failure.MissingPermission);
    }
}
