namespace FinOps.Domain.Policy;

/// <summary>Policy-wide matching rules and AWS tag limits.</summary>
public sealed record PolicyRules(
    bool CaseSensitiveKeys = true,
    bool CaseSensitiveValues = true,
    int MaxKeyLength = PolicyRules.AwsMaxKeyLength,
    int MaxValueLength = PolicyRules.AwsMaxValueLength)
{
    /// <summary>AWS's own limit on a tag key.</summary>
    public const int AwsMaxKeyLength = 128;

    /// <summary>AWS's own limit on a tag value.</summary>
    public const int AwsMaxValueLength = 256;

    public static PolicyRules Default { get; } = new();
}
