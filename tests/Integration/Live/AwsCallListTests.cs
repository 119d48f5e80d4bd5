using FinOps.Aws.Live;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Live;

/// <summary>The adapters make exactly the calls of <see cref="AwsCalls"/>, so the shipped IAM policy covers them.</summary>
public sealed class AwsCallListTests
{
    [Fact]
    public async Task Every_call_a_full_scan_makes_is_in_the_call_list_of_its_type()
    {
        await using var aws = await LiveAwsHarness.StartAsync();
        await aws.Identity.GetCallerAsync(CancellationToken.None);
        await aws.Regions.ListRegionsAsync(CancellationToken.None);
        var seen = aws.Fake.Requests.Count;

        foreach (var type in ResourceCatalogue.All)
        {
            var listing = type.IsGlobal
                ? aws.Inventory.ListGlobalAsync(type, CancellationToken.None)
                : aws.Inventory.ListAsync("us-east-1", type, CancellationToken.None);
            await listing.AllAsync();
            var made = aws.Fake.Requests.Skip(seen).Select(r => (r.Service, r.Operation)).Distinct().ToList();
            seen = aws.Fake.Requests.Count;

            var allowed = AwsCalls.ForType(type).Select(c => (c.SigningService, c.Operation)).ToList();
            Assert.NotEmpty(made);
            Assert.All(made, call => Assert.Contains(call, allowed));
        }

        await aws.Costs.GetCostsAsync(new CostQuery(BillingPeriod.Month(2026, 10), CostMetric.Unblended, [UntaggedSpendScope.EveryTaggableService("Owner")]), CancellationToken.None);
        var everything = AwsCalls.All.Select(c => (c.SigningService, c.Operation)).ToHashSet();
        Assert.All(aws.Fake.Requests, r => Assert.Contains((r.Service, r.Operation), everything));
        // And the list holds nothing the adapters never call.
        Assert.Equal(everything, aws.Fake.Requests.Select(r => (r.Service, r.Operation)).ToHashSet());
    }
}
