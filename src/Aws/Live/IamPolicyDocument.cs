using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FinOps.Aws.Live;

/// <summary>
/// The least-privilege, read-only IAM policy for exactly the calls in <see cref="AwsCalls.All"/>; shipped as
/// <c>docs/iam-policy.json</c> (a test keeps the file equal to <see cref="Render"/>).
/// </summary>
public static class IamPolicyDocument
{
    /// <summary>The statement id of the single Allow statement.</summary>
    public const string StatementId = "FinOpsTagComplianceReadOnly";

    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The IAM actions the policy allows, sorted and distinct.</summary>
    public static IReadOnlyList<string> Actions { get; } =
        [.. AwsCalls.All.Select(c => c.IamAction).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The policy document as indented JSON with a trailing newline.</summary>
    public static string Render()
    {
        var policy = new
        {
            Version = "2012-10-17",
            Statement = new[]
            {
                new { Sid = StatementId, Effect = "Allow", Action = Actions, Resource = "*" },
            },
        };
        var json = JsonSerializer.Serialize(policy, Indented);
        return new StringBuilder(json).Append('\n').ToString();
    }
}
