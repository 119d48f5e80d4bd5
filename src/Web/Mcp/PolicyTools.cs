using System.ComponentModel;
using System.Globalization;
using System.Text;
using FinOps.Domain.Custodian;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>The tagging policy: read it, import one from AWS Organizations, turn it into Cloud Custodian policies.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class PolicyTools(PolicyService policies, IPolicyEditAccess permission, TimeProvider time)
{
    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "get_tagging_policy", Title = "Get the tagging policy", ReadOnly = true, Destructive = false,
        Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Returns the tagging policy in force: required tags with their allowed values, patterns, the resource types " +
        "they apply to and severity; optional tags; and the matching rules (letter case, length limits). Use it to explain " +
        "why a resource breaks the policy or before proposing tag values.")]
    public async Task<TaggingPolicyAnswer> GetTaggingPolicyAsync(CancellationToken cancellationToken = default)
    {
        var policy = await policies.GetPolicyAsync(cancellationToken).ConfigureAwait(false);
        return new TaggingPolicyAnswer(McpAnswers.Policy(policy), time.GetUtcNow());
    }

    [McpToolPermission(FinOpsAction.Read, WhenTrue = "apply", WhenTrueNeeds = FinOpsAction.EditPolicy)]
    [McpServerTool(Name = "import_aws_tag_policy", Title = "Import an AWS Organizations tag policy", ReadOnly = false,
        Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Converts an AWS Organizations tag policy document into this product's tagging policy and shows the diff " +
        "against the current one (keys with enforced_for become required for those types, others optional; values ending " +
        "in * become prefix patterns). With apply=false (default) nothing changes: show the diff to the user first. " +
        "apply=true replaces the policy in force, when the caller may edit it.")]
    public async Task<PolicyImportAnswer> ImportAwsTagPolicyAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The Organizations tag policy document (JSON text, at most 1 MiB), e.g. {\"tags\":{\"costcenter\":{\"tag_key\":{\"@@assign\":\"CostCenter\"},\"enforced_for\":{\"@@assign\":[\"ec2:instance\"]}}}}.")]
        string policy_json,
        [Description("Save the converted policy and put it in force (default false: preview only).")]
        bool apply = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(policy_json))
        {
            throw McpErrors.Invalid("policy_json is required: the JSON text of an AWS Organizations tag policy ({\"tags\": {…}}).");
        }

        var bytes = Encoding.UTF8.GetByteCount(policy_json);
        if (bytes > TaggingPolicyJson.MaxDocumentBytes)
        {
            throw McpErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"policy_json is {bytes:N0} bytes; at most {TaggingPolicyJson.MaxDocumentBytes:N0} (1 MiB) are accepted."));
        }

        var current = await policies.GetPolicyAsync(cancellationToken).ConfigureAwait(false);
        var import = await McpErrors.GuardAsync(() => Task.FromResult(OrganizationsPolicyImporter.Import(policy_json, current))).ConfigureAwait(false);
        var inForce = current;
        if (apply)
        {
            if (await permission.DenialReasonAsync(context.User, cancellationToken).ConfigureAwait(false) is { } reason)
            {
                throw McpErrors.Invalid($"{reason} Nothing was saved; call import_aws_tag_policy with apply=false to preview the conversion.");
            }

            inForce = await McpErrors.GuardAsync(() => policies.SaveAsync(TaggingPolicyJson.Serialize(import.Policy),
                $"mcp:{context.User?.Identity?.Name ?? "local"}", cancellationToken)).ConfigureAwait(false);
        }

        return new PolicyImportAnswer(McpAnswers.Policy(import.Policy), TaggingPolicyJson.Serialize(import.Policy), McpAnswers.Diff(import.Diff),
            import.Warnings, apply, inForce.ContentHash, time.GetUtcNow());
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "generate_custodian_policy", Title = "Generate Cloud Custodian policies", ReadOnly = true,
        Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Writes the tagging policy as a Cloud Custodian YAML file: one policy per resource type that reports " +
        "resources whose required tags are absent or carry values the policy does not accept; the only action is notify " +
        "(nothing is changed or deleted). Use it when the user wants to enforce or monitor the policy with Cloud Custodian.")]
    public async Task<CustodianAnswer> GenerateCustodianPolicyAsync(
        [Description("Resource types to cover, e.g. [\"ec2:instance\", \"rds:db\"]; omit (or [\"all\"]) for every cost-generating type.")]
        string[]? resource_types = null,
        [Description("Tag keys of the policy to check (exact case), e.g. [\"CostCenter\"]; omit for every required tag.")]
        string[]? tag_keys = null,
        CancellationToken cancellationToken = default)
    {
        var types = McpArguments.ResourceTypes(resource_types, required: false);
        var keys = McpArguments.Clean(tag_keys, "tag_keys");
        var resolved = await McpErrors.GuardAsync(() => Task.FromResult(
            ResourceCatalogue.Resolve(types.IsEmpty ? [ResourceCatalogue.AllKeyword] : types))).ConfigureAwait(false);
        var policy = await policies.GetPolicyAsync(cancellationToken).ConfigureAwait(false);
        CustodianExport export;
        try
        {
            export = CustodianPolicyWriter.Write(policy, resolved, keys);
        }
        catch (ArgumentException ex)
        {
            throw McpErrors.Invalid("tag_keys: " + ex.Message.Split(" (Parameter", 2)[0]);
        }

        return McpAnswers.Custodian(export, policy, time.GetUtcNow());
    }
}
