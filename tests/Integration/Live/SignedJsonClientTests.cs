using System.Text.Json.Nodes;
using Amazon.Runtime;
using FinOps.Aws.Live;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using FinOps.Tests.Integration.AwsFake;

namespace FinOps.Tests.Integration.Live;

public sealed class SignedJsonClientTests
{
    [Fact]
    public async Task Tagging_and_cost_explorer_requests_carry_signatures_the_fake_verifies()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await aws.Inventory.ListAsync("eu-west-1", ResourceCatalogue.Get("lambda:function"), CancellationToken.None).AllAsync();
        await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 10), CostMetric.Unblended, [UntaggedSpendScope.EveryTaggableService("Owner")]), CancellationToken.None);

        var tagging = aws.Fake.Of("tagging", "GetResources");
        var costs = aws.Fake.Of("ce", "GetCostAndUsage");
        Assert.NotEmpty(tagging);
        Assert.NotEmpty(costs);
        Assert.All(tagging, r => Assert.Equal((true, "eu-west-1"), (r.Verified, r.Region)));
        Assert.All(costs, r => Assert.Equal((true, "us-east-1"), (r.Verified, r.Region)));
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused_by_the_fake()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        using var client = new SignedJsonClient(new BasicAWSCredentials(AwsWireFake.AccessKeyId, "not-the-secret"), "tagging", "us-east-1",
            aws.Fake.BaseAddress, aws.Options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => client.InvokeAsync(
            "ResourceGroupsTaggingAPI_20170126.GetResources", new JsonObject { ["ResourcesPerPage"] = 100 }, CancellationToken.None));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.False(Assert.Single(aws.Fake.Requests).Verified);
    }

    [Fact]
    public async Task A_signature_failure_is_a_permanent_source_failure()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        using var client = new SignedJsonClient(new BasicAWSCredentials(AwsWireFake.AccessKeyId, "not-the-secret"), "tagging", "us-east-1",
            aws.Fake.BaseAddress, aws.Options, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<ResourceSourceException>(() => AwsErrorMapping.RunAsync(AwsCalls.GetResources, "us-east-1",
            ct => client.InvokeAsync("ResourceGroupsTaggingAPI_20170126.GetResources", [], ct), CancellationToken.None));

        Assert.Equal(SourceFailureKind.Permanent, failure.Kind);
        Assert.Contains("SignatureDoesNotMatch", failure.Message);
    }

    [Fact]
    public async Task Every_retry_passes_the_signer_again_and_is_verified()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        aws.Fake.Faults.For("us-east-1", "GetCostAndUsage").Throttle(2);

        await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 9), CostMetric.Unblended, []), CancellationToken.None);

        var attempts = aws.Fake.Of("ce", "GetCostAndUsage").Take(3).ToList();
        Assert.Equal(["attempt=1; max=4", "attempt=2; max=4", "attempt=3; max=4"], attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.True(a.Verified));
    }

    [Fact]
    public async Task A_retry_after_a_timeout_carries_a_new_date_and_signature()
    {
        // An attempt that times out after 1.1 s guarantees the next one is signed in a later second.
        await using var aws = await LiveAwsHarness.StartAsync(o => o.RequestTimeoutSeconds = 1.1);
        aws.Fake.Faults.For("us-east-1", "GetResources").Stall(1);

        await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("rds:db"), CancellationToken.None).AllAsync();

        var attempts = aws.Fake.Of("tagging", "GetResources");
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.Verified));
        Assert.True(string.CompareOrdinal(attempts[0].AmzDate, attempts[1].AmzDate) < 0);
        Assert.NotEqual(attempts[0].Signature, attempts[1].Signature);
    }

    [Fact]
    public async Task Requests_are_json_rpc_with_the_service_target()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        var client = aws.Clients.Tagging("us-east-1");

        var page = await client.InvokeAsync(TaggingApiTarget, new JsonObject { ["ResourceTypeFilters"] = new JsonArray("rds:db") }, CancellationToken.None);

        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:orders-db", page.GetProperty("ResourceTagMappingList")[0].GetProperty("ResourceARN").GetString());
        Assert.Equal("", page.GetProperty("PaginationToken").GetString());
    }

    private const string TaggingApiTarget = "ResourceGroupsTaggingAPI_20170126.GetResources";
}
