using System.Collections.Immutable;

namespace FinOps.Domain.History;

/// <summary>A scan in history, without its resources: its record and the state's figures right after it.</summary>
public sealed record StoredScan(ScanRecord Record, ImmutableArray<TrendFigures> Figures)
{
    /// <summary>The overall figures (the whole account state right after the scan).</summary>
    public TrendFigures? Overall => Figures.FirstOrDefault(f => f.Dimension == FigureDimension.Overall);
}
