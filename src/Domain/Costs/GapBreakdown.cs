using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Costs;

/// <summary>
/// Builds <see cref="AttributionGapReport"/>: money comes from the result (regional and overall reconciliations) or
/// from <see cref="ComplianceAggregator.Summarize"/> and the allocated cost lines (types, services); this class only
/// groups, labels and explains.
/// </summary>
internal static class GapBreakdown
{
    private const string UntaggableKey = "untaggable";
    private const string UnallocatedKey = "unallocated";
    private const string NoCostKey = "no_cost";

    public static AttributionGapReport Build(ComplianceResult result, GapGrouping groupBy, int top, IEnumerable<string> extraNotes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var snapshot = result.Allocation.Snapshot;
        var context = new Context(snapshot.SourceLabel, snapshot.Metric.ToCostExplorer(), snapshot.Period.Label);
        var lines = ComplianceAggregator.LinesInView(result);
        var regionNames = result.Regions.Select(r => r.Region).ToImmutableArray();
        var overallScope = result.RegionFilter.IsEmpty ? "across the scanned regions" : $"in {string.Join(", ", result.RegionFilter)}";

        var overall = Row(GapClosure.AllRegions, "All regions", overallScope, result.Resources, lines, result.Summary, result.Costs, context);
        var rows = groupBy switch
        {
            GapGrouping.ResourceType => ByType(result, lines, context),
            GapGrouping.Service => ByService(result, lines, context),
            _ => ByRegion(result, lines, context),
        };

        return new AttributionGapReport(
            result.Account,
            snapshot.Period,
            snapshot.Metric,
            groupBy,
            result.RegionFilter.IsEmpty ? regionNames : result.RegionFilter,
            result.AsOf,
            snapshot.AsOf,
            snapshot.SourceLabel,
            overall,
            rows,
            UntaggedByTagKey(result, context),
            FixRanking.Build(result, top),
            result.DataQuality.Status,
            [.. result.DataQuality.Notes, .. extraNotes]);
    }

    private static ImmutableArray<AttributionGapRow> ByRegion(ComplianceResult result, ImmutableArray<LineAllocation> lines, Context context)
    {
        var resources = result.Resources.GroupBy(r => r.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var linesByRegion = lines.GroupBy(l => l.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. result.Regions.Select(row => Row(
            row.Region,
            row.Region == ResourceCatalogue.GlobalRegion ? "Global (no region)" : row.Region,
            $"in {row.Region}",
            resources.GetValueOrDefault(row.Region) ?? [],
            linesByRegion.GetValueOrDefault(row.Region) ?? [],
            row.Summary,
            row.Costs,
            context))];
    }

    private static ImmutableArray<AttributionGapRow> ByType(ComplianceResult result, ImmutableArray<LineAllocation> lines, Context context)
    {
        var rows = result.Resources
            .GroupBy(r => r.Type, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = g.ToList();
                var summary = ComplianceAggregator.Summarize(members);
                var costs = CostReconciliation.Of(summary);
                return Row(g.Key, g.Key, $"of type {g.Key}", members, [], summary, costs, context);
            })
            .OrderByDescending(r => r.Gap.Cents).ThenByDescending(r => r.Total.Cents).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

        // Untaggable and unallocated spend belongs to no type; they get rows of their own so the rows still add up.
        var scope = "in the selected regions";
        var untaggable = UntaggableFigure(lines, scope);
        var unallocated = UnallocatedFigure(lines, scope);
        rows.Add(SpendOnlyRow(UntaggableKey, "Untaggable services", untaggable, untaggable: true));
        rows.Add(SpendOnlyRow(UnallocatedKey, "Spend no scanned resource carries", unallocated, untaggable: false));
        return [.. rows];
    }

    private static ImmutableArray<AttributionGapRow> ByService(ComplianceResult result, ImmutableArray<LineAllocation> lines, Context context)
    {
        static string ServiceOf(EvaluatedResource r) =>
            ResourceCatalogue.TryGet(r.Type, out var t) && t.CostService is { } s ? s : NoCostKey;

        var resources = result.Resources.GroupBy(ServiceOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var linesByService = lines.GroupBy(l => l.Service, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. resources.Keys.Union(linesByService.Keys, StringComparer.Ordinal)
            .Select(service =>
            {
                var members = resources.GetValueOrDefault(service) ?? [];
                var serviceLines = linesByService.GetValueOrDefault(service) ?? [];
                var summary = ComplianceAggregator.Summarize(members);
                var untaggable = serviceLines.Sum(l => l.UntaggableCents);
                var unallocated = serviceLines.Sum(l => l.UnallocatedCents);
                var costs = CostReconciliation.Of(summary, untaggable, unallocated);
                var label = service == NoCostKey ? "Types that generate no cost" : service;
                var scope = service == NoCostKey ? "of types that generate no cost" : $"under '{service}'";
                return Row(service, label, scope, members, serviceLines, summary, costs, context);
            })
            .OrderByDescending(r => r.Gap.Cents).ThenByDescending(r => r.Total.Cents).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static AttributionGapRow Row(string key, string label, string scope, IReadOnlyList<EvaluatedResource> members,
        IReadOnlyList<LineAllocation> lines, ComplianceSummary summary, CostReconciliation costs, Context context)
    {
        CostMix all = default, attributable = default, gap = default, outOfScope = default, waived = default;
        foreach (var r in members)
        {
            all.Add(r.Cost);
            if (!r.InScope)
            {
                outOfScope.Add(r.Cost);
            }
            else if (r.Compliant)
            {
                attributable.Add(r.Cost);
            }
            else if (r.IsWaived)
            {
                waived.Add(r.Cost);
            }
            else
            {
                gap.Add(r.Cost);
            }
        }

        return new AttributionGapRow(
            key,
            label,
            summary.TotalResources,
            summary.InScope,
            summary.NonCompliant,
            TotalFigure(costs.TotalCents, lines, all, scope, context),
            ResourceFigure(costs.AttributableCents, attributable, "compliant in-scope", scope, context),
            ResourceFigure(costs.GapCents, gap, "non-compliant in-scope", scope, context, gapSuffix: true),
            ResourceFigure(costs.OutOfScopeCents, outOfScope, "out-of-scope", scope, context, outOfScope: true),
            UntaggableFigure(lines, scope, costs.UntaggableCents),
            UnallocatedFigure(lines, scope, costs.UnallocatedCents))
        {
            WaivedFigure = waived.Resources == 0
                ? new CostFigure(costs.WaivedCents, FigureProvenance.None, $"No resource {scope} is waived.")
                : new CostFigure(costs.WaivedCents, waived.Provenance,
                    $"Cost of the {Count(waived.Resources, "resource")} {scope} whose every error violation an approved, unexpired waiver covers ({waived.Describe(context.Source)}) — out of the gap until the waivers expire."),
            Waived = summary.Waived,
        };
    }

    private static AttributionGapRow SpendOnlyRow(string key, string label, CostFigure figure, bool untaggable)
    {
        var none = new CostFigure(0, FigureProvenance.None, "No resource belongs to this row.");
        return new AttributionGapRow(key, label, 0, 0, 0, figure, none, none, none,
            untaggable ? figure : none, untaggable ? none : figure);
    }

    private static CostFigure TotalFigure(long total, IReadOnlyList<LineAllocation> lines, CostMix all, string scope, Context context)
    {
        if (lines.Count == 0)
        {
            return all.Resources == 0 || (total == 0 && all.Provenance == FigureProvenance.Unavailable)
                ? new CostFigure(total, all.Resources == 0 ? FigureProvenance.None : FigureProvenance.Unavailable,
                    $"{context.Source} reported no spend {scope} for {context.Period}.")
                : new CostFigure(total, all.Provenance,
                    $"Sum of the costs of the {Count(all.Resources, "resource")} {scope} ({all.Describe(context.Source)}).");
        }

        long billed = 0, excess = 0;
        foreach (var l in lines)
        {
            billed += l.BilledCents;
            excess += l.ExcessMeasuredCents;
        }

        var rest = total - billed - excess;
        var text = $"Sum of the {Count(lines.Count, "cost line")} (SERVICE × REGION, {context.Metric}) {scope} that {context.Source} reported for {context.Period}";
        if (excess != 0)
        {
            text += $", plus {Money.Format(excess)} measured for resources above their line";
        }

        if (rest != 0)
        {
            text += $", plus {Money.Format(rest)} carried by resources whose cost lines lie outside the scanned regions";
        }

        return new CostFigure(total, FigureProvenance.Billed, text + ".");
    }

    private static CostFigure ResourceFigure(long cents, CostMix mix, string what, string scope, Context context,
        bool gapSuffix = false, bool outOfScope = false)
    {
        var noun = outOfScope ? $"{what} resources (no required tag applies)" : $"{what} resources";
        if (mix.Resources == 0)
        {
            return new CostFigure(cents, FigureProvenance.None, $"There are no {noun} {scope}.");
        }

        var why = gapSuffix ? " — their spend cannot be attributed until their required tags are fixed" : "";
        return new CostFigure(cents, mix.Provenance,
            $"Cost of the {Count(mix.Resources, what + " resource")} {scope}: {mix.Describe(context.Source)}{why}.");
    }

    private static CostFigure UntaggableFigure(IReadOnlyList<LineAllocation> lines, string scope, long? cents = null)
    {
        var untaggable = lines.Where(l => l.UntaggableCents != 0).ToList();
        var amount = cents ?? untaggable.Sum(l => l.UntaggableCents);
        if (untaggable.Count == 0)
        {
            return new CostFigure(amount, FigureProvenance.None, $"No spend {scope} on services that cannot carry tags (tax, support, …).");
        }

        var services = untaggable.GroupBy(l => l.Service, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(l => l.UntaggableCents)).Select(g => g.Key).ToList();
        return new CostFigure(amount, FigureProvenance.Billed,
            $"Billed spend {scope} on services that can never carry tags ({List(services)}); it is never part of the gap.");
    }

    private static CostFigure UnallocatedFigure(IReadOnlyList<LineAllocation> lines, string scope, long? cents = null)
    {
        var unallocated = lines.Where(l => l.UnallocatedCents != 0).ToList();
        var amount = cents ?? unallocated.Sum(l => l.UnallocatedCents);
        if (unallocated.Count == 0)
        {
            return new CostFigure(amount, FigureProvenance.None, $"Every cost line {scope} is carried by scanned resources or is untaggable.");
        }

        var biggest = unallocated.OrderByDescending(l => l.UnallocatedCents).ThenBy(l => l.Service, StringComparer.Ordinal)
            .Select(l => $"'{l.Service}' in {l.Region} {Money.Format(l.UnallocatedCents)}").ToList();
        return new CostFigure(amount, FigureProvenance.Billed,
            $"Billed spend {scope} that no scanned resource carries ({List(biggest)}): types not scanned, failed regions, stopped instances' compute and credits end up here.");
    }

    private static ImmutableArray<TagKeySpend> UntaggedByTagKey(ComplianceResult result, Context context)
    {
        var keys = result.Policy.RequiredTags.Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList();
        var mixes = keys.ToDictionary(k => k, _ => default(CostMix), StringComparer.Ordinal);
        foreach (var r in result.Resources)
        {
            if (!r.InScope)
            {
                continue;
            }

            // Runs over every violation of every resource: no LINQ here. A key counts once per resource.
            var violations = r.Violations;
            for (var i = 0; i < violations.Length; i++)
            {
                var v = violations[i];
                if (v.Kind is not (ViolationKind.MissingRequiredTag or ViolationKind.KeyCaseMismatch) || SeenBefore(violations, i))
                {
                    continue;
                }

                if (mixes.TryGetValue(v.TagKey, out var mix))
                {
                    mix.Add(r.Cost);
                    mixes[v.TagKey] = mix;
                }
            }
        }

        var measured = result.Allocation.Snapshot.UntaggedByTagKey;
        var inView = ComplianceAggregator.SpendRegions(result);
        var filtered = !result.RegionFilter.IsEmpty;
        var scope = filtered ? "in the selected regions" : "in the scanned regions";
        return [.. keys.Select(key =>
        {
            var mix = mixes[key];
            var fromResources = mix.Resources == 0
                ? new CostFigure(0, FigureProvenance.None, $"Every in-scope resource {scope} carries '{key}'.")
                : new CostFigure(mix.Cents, mix.Provenance,
                    $"Cost of the {Count(mix.Resources, "in-scope resource")} {scope} without '{key}' (missing, or in another letter case): {mix.Describe(context.Source)}.");
            var forKey = measured.IsDefault ? null : measured.FirstOrDefault(m => string.Equals(m.TagKey, key, StringComparison.Ordinal));
            var accountWide = filtered && forKey is { IsPerRegion: false };
            return new TagKeySpend(key, mix.Resources, fromResources, MeasuredUntagged(key, forKey, inView, scope, accountWide, context),
                MeasuredAccountWide: accountWide, MeasuredOver: forKey?.Scope);
        })];
    }

    private static bool SeenBefore(ImmutableArray<TagViolation> violations, int index)
    {
        for (var k = 0; k < index; k++)
        {
            if (violations[k].Kind is ViolationKind.MissingRequiredTag or ViolationKind.KeyCaseMismatch
                && string.Equals(violations[k].TagKey, violations[index].TagKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static CostFigure MeasuredUntagged(string key, UntaggedSpend? measured, Func<string, bool> inView, string scope,
        bool accountWideUnderFilter, Context context)
    {
        if (measured is null)
        {
            return new CostFigure(0, FigureProvenance.Unavailable,
                $"{context.Source} does not measure untagged spend per tag key; only the figure from scanned resources is available.");
        }

        if (measured.Scope.MeasuresNothing)
        {
            return new CostFigure(0, FigureProvenance.None, measured.Scope.Description);
        }

        // A service counts whole: spend of other types billed under the same services is in the bucket too.
        var covers = $" {measured.Scope.Description} Unlike the scan's figure it includes spend under those services that no resource the key applies to carries.";
        if (measured.IsPerRegion)
        {
            return new CostFigure(measured.In(inView), FigureProvenance.Measured,
                $"Spend {scope} carrying no value for '{key}', as {context.Source} measures it (GROUP BY TAG and REGION, empty bucket) for {context.Period}.{covers}");
        }

        var narrowed = accountWideUnderFilter ? "; the source does not break it down by region, so it is account-wide: not narrowed to the selected regions" : "";
        return new CostFigure(measured.AccountCents, FigureProvenance.Measured,
            $"Spend of the whole account carrying no value for '{key}', as {context.Source} measures it (GROUP BY TAG, empty bucket) for {context.Period}{narrowed}.{covers}");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string List(List<string> items, int max = 3) =>
        items.Count <= max ? string.Join(", ", items) : $"{string.Join(", ", items.Take(max))} and {items.Count - max} more";

    private sealed record Context(string Source, string Metric, string Period);
}
