using System.Collections.Immutable;

namespace FinOps.Domain.History;

/// <summary>What changed between two states: every changed resource (ordered by how much gap it moved) and the totals.</summary>
/// <param name="From">The earlier scan.</param>
/// <param name="To">The later scan.</param>
/// <param name="Resources">The changed resources kept by the query's filters, largest gap movement first (then ARN).</param>
public sealed record DriftReport(StoredScan From, StoredScan To, ImmutableArray<ResourceDrift> Resources)
{
    public int Added => Resources.Count(r => r.Kind == ResourceDriftKind.Added);
    public int Removed => Resources.Count(r => r.Kind == ResourceDriftKind.Removed);
    public int Changed => Resources.Count(r => r.Kind == ResourceDriftKind.Changed);
    public int TagsAdded => Resources.Sum(r => r.Tags.Count(t => t.Before is null));
    public int TagsRemoved => Resources.Sum(r => r.Tags.Count(t => t.After is null));
    public int TagsChanged => Resources.Sum(r => r.Tags.Count(t => t.Before is not null && t.After is not null));
    public int TagChanges => Resources.Sum(r => r.Tags.Length);
    public int ViolationsNew => Resources.Sum(r => r.NewViolations.Length);
    public int ViolationsFixed => Resources.Sum(r => r.FixedViolations.Length);

    /// <summary>The same comparison keeping only resources that changed this way (null: every way); totals follow.</summary>
    public DriftReport OfKind(ResourceDriftKind? kind) =>
        kind is { } wanted ? this with { Resources = [.. Resources.Where(r => r.Kind == wanted)] } : this;

    /// <summary>How much the gap moved because of these resources (positive: grew).</summary>
    public long GapMovedCents => Resources.Sum(r => r.GapMovedCents);
}
