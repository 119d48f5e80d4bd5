using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FsCheck;

namespace FinOps.Tests.Unit.Policy;

/// <summary>A generated policy with, for each of its tags, a generator of values that satisfy it.</summary>
public sealed record PolicyCase(TaggingPolicy Policy, ImmutableDictionary<string, Gen<string>> ValidValues)
{
    public override string ToString() => TaggingPolicyJson.Serialize(Policy, indented: false);
}
