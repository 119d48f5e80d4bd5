using System.Collections.Immutable;

namespace FinOps.Domain.Custodian;

/// <summary>One generated Custodian policy: which resources it looks at and which tags it checks.</summary>
/// <param name="Name">The policy's name in the YAML.</param>
/// <param name="Resource">The Custodian resource, e.g. <c>aws.ec2</c>.</param>
/// <param name="ResourceType">The catalogue type it covers.</param>
/// <param name="TagKeys">The tags it checks, in policy order.</param>
public sealed record CustodianPolicy(string Name, string Resource, string ResourceType, ImmutableArray<string> TagKeys);
