using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>One page of untagged resources.</summary>
/// <param name="Items">The resources on this page, highest monthly cost first.</param>
/// <param name="TotalCount">How many untagged resources pass the cost threshold in all.</param>
/// <param name="Offset">Position of the first item in the whole list.</param>
/// <param name="TotalMonthlyCostCents">Monthly cost of all of them (not only this page).</param>
public sealed record UntaggedResourcePage(ImmutableArray<EvaluatedResource> Items, int TotalCount, int Offset, long TotalMonthlyCostCents)
{
    /// <summary>The offset of the next page, or null on the last page.</summary>
    public int? NextOffset => Offset + Items.Length < TotalCount ? Offset + Items.Length : null;
}
