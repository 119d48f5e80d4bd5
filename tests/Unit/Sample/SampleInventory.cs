using FinOps.Aws.Sample;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Sample;

/// <summary>Builds sample accounts for tests and lists them completely through the ports.</summary>
internal static class SampleInventory
{
    /// <summary>Options without latency or faults.</summary>
    public static SampleAccountOptions Quiet(int seed = 42, int size = 6_000) => new()
    {
        Seed = seed,
        Size = size,
        LatencyMilliseconds = 0,
        LatencyJitterMilliseconds = 0,
    };

    public static SampleAccount Account(int seed = 42, int size = 6_000, TimeProvider? time = null) =>
        new(Quiet(seed, size), time ?? TimeProvider.System);

    /// <summary>Every resource of the given types (default: every catalogue type) in every enabled region.</summary>
    public static async Task<List<CloudResource>> ListAllAsync(SampleAccount account, IEnumerable<ResourceTypeInfo>? types = null)
    {
        var source = new SampleResourceSource(account);
        var regions = await new SampleRegionCatalogue(account).ListRegionsAsync(CancellationToken.None);
        var all = new List<CloudResource>();
        foreach (var type in types ?? ResourceCatalogue.All)
        {
            if (type.IsGlobal)
            {
                await foreach (var page in source.ListGlobalAsync(type, CancellationToken.None))
                {
                    all.AddRange(page);
                }

                continue;
            }

            foreach (var region in regions.Where(r => r.IsEnabled))
            {
                await foreach (var page in source.ListAsync(region.Name, type, CancellationToken.None))
                {
                    all.AddRange(page);
                }
            }
        }

        return all;
    }

    /// <summary>Everything about a resource, as one string, for comparing accounts.</summary>
    public static string Fingerprint(CloudResource r) =>
        $"{r.Arn}|{r.Type}|{r.Region}|{r.Name}|{r.CreatedAt:O}|{r.State}|{r.VpcId}|{string.Join(",", r.Tags.Select(t => $"{t.Key}={t.Value}"))}";
}
