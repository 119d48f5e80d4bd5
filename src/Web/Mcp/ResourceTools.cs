using System.ComponentModel;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>Questions about individual resources: which lack tags, how given ARNs stand, what to tag them with.</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class ResourceTools(McpScanResults results, PolicyService policies)
{
    private const string UntaggedTool = "find_untagged_resources";

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = UntaggedTool, Title = "Find untagged resources", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists resources that carry no tags at all or miss a required tag, highest monthly cost first, with the " +
        "missing keys and what they cost. Use it to find where tagging effort pays most (min_monthly_cost skips cheap ones). " +
        "Answers from the latest cached scan of these types and regions (see as_of), or about a past scan when scan_id is " +
        "given (see list_scans); scans only when none is cached.")]
    public async Task<UntaggedResourcesAnswer> FindUntaggedResourcesAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Resource types to search, e.g. [\"ec2:instance\"], or [\"all\"] for every cost-generating type.")]
        string[] resource_types,
        [Description("Regions to include, or \"global\"; omit for every enabled region.")]
        string[]? regions = null,
        [Description("Only resources costing at least this many US dollars a month (default 0).")]
        double? min_monthly_cost = null,
        [Description("Resources per page, 1–500 (default 50).")]
        int? limit = null,
        [Description("next_cursor of a previous answer, to get the next page (same other arguments).")]
        string? cursor = null,
        [Description("Answer as the product showed it right after this scan (a scan_id from list_scans), judged by that scan's policy; omit for now.")]
        string? scan_id = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asOf = scan_id is null ? null : McpScanResults.ScanIdArgument(scan_id);
        var scope = McpArguments.Scope(McpArguments.ResourceTypes(resource_types), regions);
        var types = scope.ResourceTypes;
        var regionFilter = scope.Regions;
        var minCents = McpArguments.MinimumCostCents(min_monthly_cost);
        var pageSize = McpArguments.Limit(limit);
        var fingerprint = McpCursor.FingerprintOf(UntaggedTool, types, regionFilter, [minCents.ToString(System.Globalization.CultureInfo.InvariantCulture), asOf]);
        var request = new ScanRequest(scope);

        var (result, fromCache, offset) = await results.PageAsync(asOf, request, cursor, fingerprint, "resource_types, regions, min_monthly_cost or scan_id",
            context, cancellationToken).ConfigureAwait(false);

        var untagged = UntaggedResourceQuery.Page(result, minCents, offset, pageSize);
        var next = untagged.NextOffset is { } nextOffset ? new McpCursor(result.ScanId, fingerprint, nextOffset).Encode() : null;
        return new UntaggedResourcesAnswer(result.ScanId, result.AsOf, result.PolicyHash, fromCache, [.. result.Types.Select(t => t.Name)],
            McpAnswers.List(result.RegionFilter), Domain.Costs.Money.ToUsd(minCents), untagged.TotalCount,
            Domain.Costs.Money.ToUsd(untagged.TotalMonthlyCostCents), [.. untagged.Items.Select(McpAnswers.Untagged)], next,
            McpAnswers.DataQuality(result.DataQuality));
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "validate_resource_tags", Title = "Validate resources' tags", ReadOnly = true, Destructive = false,
        Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Says for up to 100 ARNs whether each resource is compliant, non-compliant (with its violations) or out of " +
        "scope under the current tagging policy, with its tags and cost. Use it when a user names specific resources. " +
        "Answers from the scans already made (no rescan): an ARN no scan has seen is reported as not_found, never as non-compliant.")]
    public async Task<ValidationAnswer> ValidateResourceTagsAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("1 to 100 ARNs, e.g. [\"arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc\"].")]
        string[] resource_arns,
        CancellationToken cancellationToken = default)
    {
        var arns = McpArguments.Arns(resource_arns);
        await results.EnsureAnyResultAsync(context, cancellationToken).ConfigureAwait(false);
        var evaluator = await policies.GetEvaluatorAsync(cancellationToken).ConfigureAwait(false);
        var answers = new List<ResourceValidationAnswer>(arns.Length);
        DateTimeOffset? oldest = null;
        foreach (var arn in arns)
        {
            if (results.FindResource(arn) is not { } found)
            {
                answers.Add(new ResourceValidationAnswer(arn, "not_found", null, null, null, [], [], null, null, null, null,
                    "No scan result lists this ARN: it does not exist, or its type or region was not scanned. Nothing was judged."));
                continue;
            }

            var (result, resource) = found;
            oldest = oldest is { } o && o < result.AsOf ? o : result.AsOf;
            if (result.PolicyHash == evaluator.Policy.ContentHash)
            {
                answers.Add(Validation(arn, resource, result, null));
                continue;
            }

            // The policy changed since that scan: judge the scanned tags by the policy in force (no rescan needed).
            var (verdict, violations) = evaluator.Evaluate(resource.Resource);
            var rejudged = resource with { InScope = verdict.InScope, Compliant = verdict.Compliant, Violations = violations };
            answers.Add(Validation(arn, rejudged, result,
                "The tagging policy changed after this scan; the verdict applies the current policy to the tags as scanned."));
        }

        return new ValidationAnswer(answers, answers.Count(a => a.Status == "compliant"), answers.Count(a => a.Status == "non_compliant"),
            answers.Count(a => a.Status == "out_of_scope"), answers.Count(a => a.Status == "not_found"), evaluator.Policy.ContentHash,
            oldest ?? results.LatestAsOf);
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "suggest_tags", Title = "Suggest tag values", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Suggests values for the missing or invalid tags of one resource, from its name (stage words such as " +
        "'stg', the application it starts with), what similar resources (same CloudFormation stack, name, VPC, tags, type) " +
        "carry and allowed values that resemble the wrong one, each with a confidence (the estimated chance it is right) and " +
        "a reason. Use it to propose fixes for a non-compliant resource. Answers from the latest scan that lists the ARN.")]
    public async Task<SuggestionsAnswer> SuggestTagsAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("The resource's ARN, e.g. \"arn:aws:rds:us-east-1:123456789012:db:orders\".")]
        string resource_arn,
        CancellationToken cancellationToken = default)
    {
        var arn = McpArguments.Arn(resource_arn);
        await results.EnsureAnyResultAsync(context, cancellationToken).ConfigureAwait(false);
        if (results.FindResource(arn) is not { } found)
        {
            return new SuggestionsAnswer(arn, false, null, null, null, [], [], [], null, results.LatestAsOf, null,
                "No scan result lists this ARN: it does not exist, or its type or region was not scanned (run check_tag_compliance for it first).");
        }

        var (result, resource) = found;
        var suggestions = TagSuggester.Suggest(result, resource);
        return new SuggestionsAnswer(arn, true, resource.Type, resource.Region, resource.Resource.Name,
            McpAnswers.Tags(resource.Resource), [.. resource.Violations.Select(McpAnswers.TagViolation)],
            [.. suggestions.Select(McpAnswers.Suggestion)], result.ScanId, result.AsOf, result.PolicyHash,
            suggestions.IsEmpty ? (resource.Violations.IsEmpty ? "The resource breaks no rule; nothing to suggest." : "No similar resource offers a value the policy accepts.") : null);
    }

    private static ResourceValidationAnswer Validation(string arn, EvaluatedResource resource, ComplianceResult result, string? note) =>
        new(arn, McpAnswers.Verdict(resource.InScope, resource.Compliant), resource.Type, resource.Region, resource.Resource.Name,
            McpAnswers.Tags(resource.Resource), [.. resource.Violations.Select(McpAnswers.TagViolation)], resource.Cost.Usd,
            Domain.Costs.Money.ToUsd(resource.CostAtStakeCents), result.ScanId, result.AsOf, note);
}
