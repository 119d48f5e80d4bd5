using System.Collections.Immutable;

namespace FinOps.Domain.Policy;

/// <summary>A policy document was rejected; <see cref="Errors"/> names every problem.</summary>
public sealed class InvalidPolicyException(ImmutableArray<PolicyValidationError> errors)
    : Exception("The tagging policy is invalid: " + string.Join("; ", errors.Select(e => e.ToString())))
{
    public ImmutableArray<PolicyValidationError> Errors { get; } = errors;
}
