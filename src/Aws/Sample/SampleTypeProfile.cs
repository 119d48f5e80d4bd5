using System.Collections.Immutable;

namespace FinOps.Aws.Sample;

/// <summary>How a resource type appears in the sample account: how common it is and what it costs.</summary>
/// <param name="Type">The catalogue type code.</param>
/// <param name="Weight">Relative share of the account's resources.</param>
/// <param name="Tiers">Sizes the type comes in: monthly cost in us-east-1 (cents) and relative frequency.</param>
/// <param name="VariationPercent">How much usage moves a resource's cost around its tier (±, in percent).</param>
/// <param name="VpcBound">Resources live in a VPC (and usually share its workload's tags).</param>
/// <param name="HasNameTag">EC2-style resources whose name is their <c>Name</c> tag.</param>
/// <param name="DataStore">Holds data, so it usually carries a data classification.</param>
internal sealed record SampleTypeProfile(
    string Type,
    int Weight,
    ImmutableArray<(long Cents, int Weight)> Tiers,
    int VariationPercent,
    bool VpcBound = false,
    bool HasNameTag = false,
    bool DataStore = false)
{
    /// <summary>The sum of the tiers' weights.</summary>
    public int TierWeightTotal { get; } = Tiers.IsDefaultOrEmpty ? 0 : Tiers.Sum(t => t.Weight);
}
