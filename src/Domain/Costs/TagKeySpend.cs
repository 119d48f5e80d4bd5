namespace FinOps.Domain.Costs;

/// <summary>
/// Per required tag key: the cost of scanned resources that should carry the key and do not (allocated from the
/// scan), beside the untagged spend the cost source measures for the key (Cost Explorer GroupBy TAG, empty bucket)
/// over the services of the types the key applies to.
/// </summary>
/// <param name="TagKey">The policy's tag key.</param>
/// <param name="ResourcesWithout">In-scope resources missing the key (or carrying it in the wrong letter case).</param>
/// <param name="FromResources">Sum of those resources' costs.</param>
/// <param name="Measured">
/// The source's measurement, narrowed to the view's regions when the source breaks it down by region; provenance
/// <see cref="FigureProvenance.Unavailable"/> when it offers none. Its explanation says which services it covers.
/// </param>
/// <param name="MeasuredAccountWide">
/// True when <paramref name="Measured"/> is the whole account's although a region filter narrows the view (the source
/// gives no per-region figure): front doors must say so beside the figure.
/// </param>
/// <param name="MeasuredOver">
/// The spend <paramref name="Measured"/> covers (the services it was measured over, and a sentence saying so); null
/// when the source measures nothing for the key.
/// </param>
public sealed record TagKeySpend(string TagKey, int ResourcesWithout, CostFigure FromResources, CostFigure Measured,
    bool MeasuredAccountWide = false, UntaggedSpendScope? MeasuredOver = null);
