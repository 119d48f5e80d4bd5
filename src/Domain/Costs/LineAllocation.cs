namespace FinOps.Domain.Costs;

/// <summary>
/// How one SERVICE × REGION cost line was spread: what its resources carry (measured or allocated), what is
/// untaggable, and what no scanned resource carries. <c>Total = Measured + Allocated + Untaggable + Unallocated</c>.
/// </summary>
/// <param name="Service">The Cost Explorer SERVICE.</param>
/// <param name="Region">The region code or <c>global</c>.</param>
/// <param name="BilledCents">The line's amount as the source billed it (0 for resources measured without a line).</param>
/// <param name="ExcessMeasuredCents">Measured resource costs above the billed amount; they join the total so nothing is lost.</param>
/// <param name="MeasuredCents">Sum of the measured costs of the line's resources.</param>
/// <param name="AllocatedCents">Sum of the shares given to the line's unmeasured resources.</param>
/// <param name="UntaggableCents">The whole line when its service can never carry tags, else 0.</param>
/// <param name="UnallocatedCents">What no scanned resource carries: lines without (costed) resources, and credits.</param>
/// <param name="Resources">Scanned resources of the types costing under the line.</param>
/// <param name="MeasuredResources">Of those, resources with a measured cost.</param>
/// <param name="StoppedInstances">Of those, stopped instances given no compute cost.</param>
public sealed record LineAllocation(
    string Service,
    string Region,
    long BilledCents,
    long ExcessMeasuredCents,
    long MeasuredCents,
    long AllocatedCents,
    long UntaggableCents,
    long UnallocatedCents,
    int Resources,
    int MeasuredResources,
    int StoppedInstances)
{
    /// <summary>The line's part of its region's total: the billed amount plus any measured excess.</summary>
    public long TotalCents => BilledCents + ExcessMeasuredCents;

    /// <summary>Whether every cent of the line is accounted for exactly once.</summary>
    public bool Balances => TotalCents == MeasuredCents + AllocatedCents + UntaggableCents + UnallocatedCents;
}
