using FinOps.Domain.Costs;

namespace FinOps.Domain.Ports;

/// <summary>
/// Spend for a period: cost lines by SERVICE × REGION, per-resource costs where the source measures them, and per
/// tag key the spend carrying no value for that key, where the source offers it — per region when it can (so a region
/// filter narrows it), account-wide otherwise.
/// </summary>
public interface ICostSource
{
    Task<CostSnapshot> GetCostsAsync(CostQuery query, CancellationToken cancellationToken);

    /// <summary>How many billable requests <see cref="GetCostsAsync"/> would make for the query (0 when cached or free).</summary>
    int EstimateRequestCount(CostQuery query);
}
