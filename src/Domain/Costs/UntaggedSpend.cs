namespace FinOps.Domain.Costs;

/// <summary>Spend that carries no value for a tag key, as Cost Explorer measures it (GroupBy TAG, empty bucket).</summary>
public sealed record UntaggedSpend(string TagKey, long AmountCents);
