using System.ComponentModel;

namespace FinOps.Web.Mcp.Answers;

/// <summary>The answer of import_aws_tag_policy.</summary>
public sealed record PolicyImportAnswer(
    [property: Description("The Organizations policy in this product's format.")] PolicyAnswer ConvertedPolicy,
    [property: Description("The converted policy as a policy file.")] string ConvertedPolicyJson,
    [property: Description("What would change against the current policy.")] PolicyDiffAnswer Diff,
    [property: Description("What was not carried over.")] IReadOnlyList<string> Warnings,
    [property: Description("Whether the converted policy was saved and is now in force.")] bool Applied,
    [property: Description("Hash of the policy in force after this call.")] string CurrentPolicyHash,
    DateTimeOffset AsOf);
