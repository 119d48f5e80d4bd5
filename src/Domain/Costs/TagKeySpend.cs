namespace FinOps.Domain.Costs;

/// <summary>
/// Per required tag key: the cost of scanned resources that should carry the key and do not (allocated from the
/// scan), beside the untagged spend the cost source measures for the key (Cost Explorer GroupBy TAG, empty bucket).
/// </summary>
/// <param name="TagKey">The policy's tag key.</param>
/// <param name="ResourcesWithout">In-scope resources missing the key (or carrying it in the wrong letter case).</param>
/// <param name="FromResources">Sum of those resources' costs.</param>
/// <param name="Measured">The source's measurement; provenance <see cref="FigureProvenance.Unavailable"/> when it offers none.</param>
public sealed record TagKeySpend(string TagKey, int ResourcesWithout, CostFigure FromResources, CostFigure Measured);
