namespace FinOps.Domain.Policy;

/// <summary>The outcome of evaluating one resource's tags.</summary>
/// <param name="InScope">At least one required tag applies to the resource's type.</param>
/// <param name="Errors">Number of error-severity violations.</param>
/// <param name="Warnings">Number of warning-severity violations.</param>
public readonly record struct ResourceVerdict(bool InScope, int Errors, int Warnings)
{
    /// <summary>In scope and without error violations (warnings never lower the score).</summary>
    public bool Compliant => InScope && Errors == 0;
}
