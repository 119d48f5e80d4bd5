using System.Collections.Immutable;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Owners;

/// <summary>
/// A result split by owner: every resource belongs to exactly one row, so the rows' resources partition the result's
/// and their gaps add up to the result's gap to the cent. Rows are ordered by gap (largest first), then name.
/// </summary>
public sealed class OwnerReport
{
    private readonly Dictionary<string, OwnerRow> _byName;

    private OwnerReport(ComplianceResult result, OwnerDirectory directory, ImmutableArray<OwnerRow> rows)
    {
        Result = result;
        Directory = directory;
        Rows = rows;
        _byName = rows.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The result split.</summary>
    public ComplianceResult Result { get; }

    /// <summary>Who owns what, as the report was split.</summary>
    public OwnerDirectory Directory { get; }

    /// <summary>One row per owner with at least one resource.</summary>
    public ImmutableArray<OwnerRow> Rows { get; }

    /// <summary>The row of one owner (names compare ignoring case), or null.</summary>
    public OwnerRow? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>Splits a result by the directory's owners.</summary>
    public static OwnerReport From(ComplianceResult result, OwnerDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        var groups = new Dictionary<Owner, List<EvaluatedResource>>(ReferenceEqualityComparer.Instance);
        foreach (var resource in result.Resources)
        {
            var owner = directory.Resolve(resource.Resource);
            if (!groups.TryGetValue(owner, out var list))
            {
                groups[owner] = list = [];
            }

            list.Add(resource);
        }

        var rows = groups.Select(g => Row(g.Key, g.Value)).ToList();
        rows.Sort(static (a, b) =>
        {
            var c = b.GapCents.CompareTo(a.GapCents);
            return c != 0 ? c : string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        });
        return new OwnerReport(result, directory, [.. rows]);
    }

    private static OwnerRow Row(Owner owner, List<EvaluatedResource> resources)
    {
        long atStake = 0;
        foreach (var r in resources)
        {
            atStake += r.Violations.IsDefaultOrEmpty ? 0 : r.Cost.Cents;
        }

        return new OwnerRow(owner, [.. resources], ComplianceAggregator.Summarize(resources), atStake);
    }
}
