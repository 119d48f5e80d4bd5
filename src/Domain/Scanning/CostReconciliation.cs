namespace FinOps.Domain.Scanning;

/// <summary>
/// A region's (or the whole result's) spend split so that
/// <c>total = attributable + gap + waived + out_of_scope + untaggable + unallocated</c> to the cent.
/// </summary>
public sealed record CostReconciliation(
    long TotalCents,
    long AttributableCents,
    long GapCents,
    long OutOfScopeCents,
    long UntaggableCents,
    long UnallocatedCents,
    long WaivedCents = 0)
{
    public static CostReconciliation Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The one place the parts are put together: resources' money from <paramref name="summary"/> plus the spend no
    /// resource carries. The total is the given one (a region's billed spend) or, when there is none, the sum of the parts.
    /// </summary>
    public static CostReconciliation Of(ComplianceSummary summary, long untaggableCents = 0, long unallocatedCents = 0, long? totalCents = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var total = totalCents ?? summary.AttributableCents + summary.GapCents + summary.WaivedCents + summary.OutOfScopeCents + untaggableCents + unallocatedCents;
        return new(total, summary.AttributableCents, summary.GapCents, summary.OutOfScopeCents, untaggableCents, unallocatedCents, summary.WaivedCents);
    }

    /// <summary>Whether the parts add up to the total exactly.</summary>
    public bool Reconciles => TotalCents == AttributableCents + GapCents + WaivedCents + OutOfScopeCents + UntaggableCents + UnallocatedCents;

    /// <summary>Spend that resources can carry: everything but untaggable services.</summary>
    public long TaggableCents => TotalCents - UntaggableCents;

    public CostReconciliation Plus(CostReconciliation o) => new(
        TotalCents + o.TotalCents, AttributableCents + o.AttributableCents, GapCents + o.GapCents,
        OutOfScopeCents + o.OutOfScopeCents, UntaggableCents + o.UntaggableCents, UnallocatedCents + o.UnallocatedCents,
        WaivedCents + o.WaivedCents);
}
