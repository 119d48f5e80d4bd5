using System.Collections.Immutable;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Components;

/// <summary>
/// The result every dashboard page shows: the most recent completed scan, narrowed to the region filter. One instance
/// serves every circuit, so a result is shared, never copied per user; narrowed views are kept for the few filters in use.
/// </summary>
public sealed class DashboardResults(ComplianceService compliance)
{
    private const int MaxViews = 32;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string ScanId, string Regions), ComplianceResult> _views = [];

    /// <summary>The latest completed result, whole.</summary>
    public ComplianceResult? Latest => compliance.LatestResult;

    /// <summary>The latest result narrowed to <paramref name="regions"/> (empty: the whole result), or null before any scan.</summary>
    public ComplianceResult? Current(ImmutableArray<string> regions) => Latest is { } latest ? Narrow(latest, regions) : null;

    /// <summary>A result narrowed to regions, reusing a view built earlier for the same filter.</summary>
    public ComplianceResult Narrow(ComplianceResult result, ImmutableArray<string> regions)
    {
        if (regions.IsDefaultOrEmpty)
        {
            return result;
        }

        var key = (result.ScanId, string.Join(',', regions));
        lock (_gate)
        {
            if (_views.TryGetValue(key, out var view))
            {
                return view;
            }
        }

        var narrowed = result.ForRegions(regions);
        lock (_gate)
        {
            if (_views.Count >= MaxViews)
            {
                _views.Clear();
            }

            _views[key] = narrowed;
        }

        return narrowed;
    }
}
