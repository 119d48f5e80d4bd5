namespace FinOps.Domain.Costs;

/// <summary>Spend that carries no value for a tag key, as Cost Explorer measures it (GroupBy TAG, empty bucket).</summary>
/// <param name="TagKey">The tag key.</param>
/// <param name="AmountCents">The untagged spend in cents.</param>
/// <param name="Region">The region the figure covers, or null when the source only measures the whole account.</param>
public sealed record UntaggedSpend(string TagKey, long AmountCents, string? Region = null);
