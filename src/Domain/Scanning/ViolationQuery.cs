using System.Collections.Immutable;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Server-side paging, sorting and filtering of a result's violations (the violations grid, MCP pages, exports).
/// Each sort order is computed once per result and reused, so a page costs one pass of the filter.
/// </summary>
public static class ViolationQuery
{
    /// <summary>Most items one page may hold.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Returns one page of violations passing <paramref name="filter"/>, in the requested order.</summary>
    public static ViolationPage Page(ComplianceResult result, ViolationFilter filter, ViolationSort sort, bool descending,
        int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        var ordered = Ordered(result, sort, descending);
        if (!filter.IsEmpty)
        {
            // A filter is applied once per result and order; turning its pages (or coming back to it) is then a slice.
            ordered = result.FilteredViolations.Get((filter, sort, descending), () => [.. Passing(result, ordered, filter)]);
        }

        var page = offset >= ordered.Length ? [] : ordered.Slice(offset, Math.Min(limit, ordered.Length - offset));
        return new ViolationPage(page, ordered.Length, offset);
    }

    /// <summary>Every violation passing the filter, in the requested order (for exports).</summary>
    public static IEnumerable<Violation> All(ComplianceResult result, ViolationFilter filter,
        ViolationSort sort = ViolationSort.CostAtStake, bool descending = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(filter);
        return Passing(result, Ordered(result, sort, descending), filter);
    }

    /// <summary>
    /// The violations passing a filter, in order. The text, the costly part, is looked up once in the result's text
    /// index rather than compared for every violation.
    /// </summary>
    private static IEnumerable<Violation> Passing(ComplianceResult result, ImmutableArray<Violation> ordered, ViolationFilter filter)
    {
        var text = filter.Text?.Trim();
        var matching = string.IsNullOrEmpty(text) ? null : result.TextIndex.Matching(text);
        foreach (var violation in ordered)
        {
            // The text set first: one lookup, and usually the most selective part.
            if ((matching is null || matching(violation.Resource)) && filter.MatchesRule(violation))
            {
                yield return violation;
            }
        }
    }

    private static ImmutableArray<Violation> Ordered(ComplianceResult result, ViolationSort sort, bool descending)
    {
        if (sort == ViolationSort.CostAtStake && descending)
        {
            return result.ViolationsByCost;
        }

        return result.SortedViolations.GetOrAdd((sort, descending), static (key, r) =>
        {
            var (by, desc) = key;
            var list = r.ViolationsByCost.ToArray();
            Comparison<Violation> primary = by switch
            {
                ViolationSort.CostAtStake => (a, b) => a.CostAtStakeCents.CompareTo(b.CostAtStakeCents),
                ViolationSort.Arn => (a, b) => string.CompareOrdinal(a.Arn, b.Arn),
                ViolationSort.ResourceName => (a, b) => string.Compare(a.ResourceName, b.ResourceName, StringComparison.OrdinalIgnoreCase),
                ViolationSort.Region => (a, b) => string.CompareOrdinal(a.Region, b.Region),
                ViolationSort.ResourceType => (a, b) => string.CompareOrdinal(a.ResourceType, b.ResourceType),
                ViolationSort.TagKey => (a, b) => string.CompareOrdinal(a.TagKey, b.TagKey),
                ViolationSort.Kind => (a, b) => a.Kind.CompareTo(b.Kind),
                _ => (a, b) => a.Severity.CompareTo(b.Severity),
            };

            // The base list is already ranked by cost; a stable sort keeps that ranking within equal keys.
            var indexed = list.Select((v, i) => (v, i)).ToArray();
            Array.Sort(indexed, (x, y) =>
            {
                var c = primary(x.v, y.v);
                return c != 0 ? (desc ? -c : c) : x.i.CompareTo(y.i);
            });
            return [.. indexed.Select(p => p.v)];
        }, result);
    }
}
