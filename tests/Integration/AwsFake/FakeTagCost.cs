namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// Spend of one month under one SERVICE carrying one value of a tag key in one REGION; the value "" is the untagged
/// bucket Cost Explorer reports as <c>key$</c>, and the region is the REGION dimension value as Cost Explorer spells it
/// (e.g. <c>NoRegion</c>). The service is what a SERVICE filter narrows on; it is never a group key of a TAG grouping.
/// </summary>
public sealed record FakeTagCost(DateOnly Month, string TagKey, string TagValue, string Region, decimal Amount, string Service);
