using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>Violations of one tag key in a set of resources (the bar chart and tables of a report).</summary>
/// <param name="TagKey">The tag key.</param>
/// <param name="Violations">Violations of the key (errors and warnings).</param>
/// <param name="Errors">Of those, errors.</param>
/// <param name="Warnings">Of those, warnings.</param>
/// <param name="Resources">Resources with at least one violation of the key.</param>
/// <param name="CostAtStakeCents">
/// Cost of the non-compliant resources among them. A resource breaking two keys counts under both, so these do not
/// add up to the gap.
/// </param>
public sealed record TagKeyViolations(string TagKey, int Violations, int Errors, int Warnings, int Resources, long CostAtStakeCents)
{
    /// <summary>Counts per tag key, most violations first (then key).</summary>
    public static ImmutableArray<TagKeyViolations> Count(IEnumerable<EvaluatedResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var byKey = new Dictionary<string, (int Violations, int Errors, int Resources, long Cost)>(StringComparer.Ordinal);
        var keysOfResource = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in resources)
        {
            if (r.Violations.IsDefaultOrEmpty)
            {
                continue;
            }

            keysOfResource.Clear();
            foreach (var v in r.Violations)
            {
                var row = byKey.GetValueOrDefault(v.TagKey);
                row.Violations++;
                if (v.Severity == Severity.Error)
                {
                    row.Errors++;
                }

                if (keysOfResource.Add(v.TagKey))
                {
                    row.Resources++;
                    row.Cost += r.CostAtStakeCents;
                }

                byKey[v.TagKey] = row;
            }
        }

        return [.. byKey
            .Select(kv => new TagKeyViolations(kv.Key, kv.Value.Violations, kv.Value.Errors, kv.Value.Violations - kv.Value.Errors, kv.Value.Resources, kv.Value.Cost))
            .OrderByDescending(t => t.Violations).ThenBy(t => t.TagKey, StringComparer.Ordinal)];
    }
}
