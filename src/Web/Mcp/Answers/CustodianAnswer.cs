using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of generate_custodian_policy.</summary>
public sealed record CustodianAnswer(
    [property: Description("The Cloud Custodian policy file.")] string Yaml,
    [property: Description("One per resource type.")] IReadOnlyList<CustodianPolicyAnswer> Policies,
    [property: Description("Requested types without a policy, and why.")] IReadOnlyList<CustodianSkipAnswer> SkippedTypes,
    IReadOnlyList<string> Notes,
    [property: Description("The tagging policy the YAML was generated from.")] string PolicyHash,
    DateTimeOffset AsOf);
