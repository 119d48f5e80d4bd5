using System.Collections.Immutable;
using FinOps.Domain.Policy;

namespace FinOps.Domain.Scanning;

/// <summary>
/// Pages of a result's untagged resources: those with no tags at all or missing a required tag that applies to them,
/// highest monthly cost first. The ordering is computed once per result and reused.
/// </summary>
public static class UntaggedResourceQuery
{
    /// <summary>Most items one page may hold.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Whether a resource counts as untagged.</summary>
    public static bool IsUntagged(EvaluatedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.IsUntagged || resource.Violations.Any(v => v.Kind == ViolationKind.MissingRequiredTag);
    }

    /// <summary>The required tag keys a resource lacks, in policy order.</summary>
    public static ImmutableArray<string> MissingTagKeys(EvaluatedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return [.. resource.Violations.Where(v => v.Kind == ViolationKind.MissingRequiredTag).Select(v => v.TagKey).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One page of untagged resources costing at least <paramref name="minMonthlyCostCents"/> a month.</summary>
    public static UntaggedResourcePage Page(ComplianceResult result, long minMonthlyCostCents, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(minMonthlyCostCents);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);

        // Highest cost first, so the resources at or above the threshold are a prefix of the ordering.
        var ordered = result.UntaggedByCost;
        var count = 0;
        long total = 0;
        while (count < ordered.Length && ordered[count].Cost.Cents >= minMonthlyCostCents)
        {
            total += ordered[count].Cost.Cents;
            count++;
        }

        var items = offset >= count ? [] : ordered.Slice(offset, Math.Min(limit, count - offset));
        return new UntaggedResourcePage(items, count, offset, total);
    }
}
