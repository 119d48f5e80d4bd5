using FinOps.Aws.Sample;
using FinOps.Domain.Costs;
using FinOps.Domain.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Infrastructure;

/// <summary>
/// The sample account's costs, except that untagged spend per tag key comes as one account-wide figure, as from a
/// source that cannot break it down by region.
/// </summary>
public sealed class AccountWideCostSource(ICostSource inner) : ICostSource
{
    /// <summary>Registers it in place of the sample account's cost source.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<ICostSource>(sp => new AccountWideCostSource(sp.GetRequiredService<SampleCostSource>()));

    public async Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await inner.GetCostsAsync(query, cancellationToken).ConfigureAwait(false);
        return snapshot with { UntaggedByTagKey = [.. snapshot.UntaggedByTagKey.Select(u => UntaggedSpend.AccountWide(u.Scope, u.AccountCents))] };
    }

    public int EstimateRequestCount(CostQuery query) => inner.EstimateRequestCount(query);
}
