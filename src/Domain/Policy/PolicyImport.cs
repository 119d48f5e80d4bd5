using System.Collections.Immutable;

namespace FinOps.Domain.Policy;

/// <summary>The result of converting an AWS Organizations tag policy: the policy, its diff, and what was not carried over.</summary>
public sealed record PolicyImport(TaggingPolicy Policy, PolicyDiff Diff, ImmutableArray<string> Warnings);
