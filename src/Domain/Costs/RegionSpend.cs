namespace FinOps.Domain.Costs;

/// <summary>
/// The parts of a region's spend that no scanned resource carries: untaggable services and lines no scanned resource
/// can carry. Together with the resources' own costs they make up the region's total.
/// </summary>
/// <param name="Region">Region code or <c>global</c>.</param>
/// <param name="TotalCents">Every cost line of the region, plus measured resource costs no line covers.</param>
/// <param name="UntaggableCents">Spend of services that can never be tagged (Tax, Support, …).</param>
/// <param name="UnallocatedCents">Spend of lines no scanned resource can carry (types not scanned, failed regions).</param>
public sealed record RegionSpend(string Region, long TotalCents, long UntaggableCents, long UnallocatedCents);
