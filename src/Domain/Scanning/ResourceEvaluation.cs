using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Scanning;

/// <summary>A listed resource with its policy verdict, before costs are attributed.</summary>
public readonly record struct ResourceEvaluation(CloudResource Resource, ResourceVerdict Verdict, ImmutableArray<TagViolation> Violations);
