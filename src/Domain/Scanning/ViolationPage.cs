using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>One page of a filtered, sorted violation list.</summary>
/// <param name="Items">The violations on this page.</param>
/// <param name="TotalCount">How many violations pass the filter in all.</param>
/// <param name="Offset">Position of the first item in the whole list.</param>
public sealed record ViolationPage(ImmutableArray<Violation> Items, int TotalCount, int Offset)
{
    /// <summary>The offset of the next page, or null on the last page.</summary>
    public int? NextOffset => Offset + Items.Length < TotalCount ? Offset + Items.Length : null;
}
