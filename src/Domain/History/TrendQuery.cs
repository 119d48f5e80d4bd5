namespace FinOps.Domain.History;

/// <summary>Which trend points to read: a dimension (and optionally some keys of it) over a time window.</summary>
/// <param name="Dimension">Overall, per region or per type.</param>
/// <param name="Keys">Region or type codes to keep; empty for every key of the dimension.</param>
/// <param name="Since">Oldest point (inclusive).</param>
/// <param name="Until">Newest point (inclusive).</param>
public sealed record TrendQuery(FigureDimension Dimension, System.Collections.Immutable.ImmutableArray<string> Keys, DateTimeOffset Since, DateTimeOffset Until);
