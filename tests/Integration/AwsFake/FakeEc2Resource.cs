namespace FinOps.Tests.Integration.AwsFake;

/// <summary>
/// One EC2-family item of the fake account. <paramref name="Tags"/> null means the response carries no tag set at
/// all (the SDK v4 then hands out a null collection).
/// </summary>
/// <param name="Kind"><c>instance</c>, <c>volume</c>, <c>snapshot</c>, <c>address</c>, <c>natgateway</c>, <c>vpc</c>, <c>subnet</c>, <c>security-group</c>.</param>
/// <param name="Id">The EC2 id (for addresses, the allocation id).</param>
/// <param name="Tags">Its tags, or null.</param>
/// <param name="State">Its state, where the kind has one.</param>
/// <param name="VpcId">Its VPC, where it has one.</param>
/// <param name="Created">Launch/creation time.</param>
/// <param name="Extra">Group name (security groups), public IP (addresses), owner id (snapshots).</param>
public sealed record FakeEc2Resource(string Kind, string Id, IReadOnlyList<FakeTag>? Tags, string? State = null,
    string? VpcId = null, DateTime? Created = null, string? Extra = null);
