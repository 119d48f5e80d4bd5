using System.ComponentModel;
using System.Globalization;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using FinOps.Domain.Waivers;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using FinOps.Web.Waivers;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>Waivers: list them, and ask for one (approving is for admins on the /waivers page only).</summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class WaiverTools(WaiverDesk desk, AccountStateKeeper state, TimeProvider time)
{
    private static readonly string[] StatusNames = [.. Enum.GetValues<WaiverStatus>().Select(WaiverService.Name)];

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "list_waivers", Title = "List waivers", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists waivers of tag violations (newest request first) with their status — pending, approved, rejected, " +
        "revoked or expired — scope, key, reason, requester, approver and expiry, and how many resources and how much " +
        "monthly spend the waivers in force take out of the cost attribution gap now. A waived violation stays listed by " +
        "check_tag_compliance with waived_until.")]
    public async Task<WaiverListAnswer> ListWaiversAsync(
        [Description("Only waivers of this status: pending, approved, rejected, revoked or expired. Omit for all.")]
        string? status = null,
        [Description("Most waivers to return, 1–500 (default 50).")]
        int? limit = null,
        CancellationToken cancellationToken = default)
    {
        WaiverStatus? filter = null;
        if (status is not null)
        {
            var i = Array.FindIndex(StatusNames, n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                throw McpErrors.Invalid($"status '{McpArguments.Shorten(status)}' is not known; use one of {string.Join(", ", StatusNames)}, or omit it for every waiver.");
            }

            filter = (WaiverStatus)i;
        }

        var max = McpArguments.Limit(limit);
        if (await desk.LoadAsync(cancellationToken).ConfigureAwait(false) is { } problem)
        {
            throw McpErrors.Invalid(problem);
        }

        var listed = desk.Service.List(filter);
        var view = await state.ViewAsync(ScanScope.Everything, cancellationToken).ConfigureAwait(false);
        return new WaiverListAnswer(listed.Length, [.. listed.Take(max).Select(Answer)], view?.Summary.Waived,
            view is null ? null : Domain.Costs.Money.ToUsd(view.Costs.WaivedCents), desk.Service.Options.MaxDays, time.GetUtcNow());
    }

    [McpToolPermission(FinOpsAction.RequestWaiver)]
    [McpServerTool(Name = "request_waiver", Title = "Request a waiver", ReadOnly = false, Destructive = false, Idempotent = false,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Asks for a time-boxed waiver of tag violations: for one resource (arn) or for a resource type in a region " +
        "(or *) whose name matches name_pattern or that carries tag_pattern Key=glob; for one tag key or every key. The " +
        "waiver is pending until an admin approves it on the dashboard's /waivers page (the requester cannot approve their " +
        "own). While approved and unexpired, a resource whose every error violation is waived leaves the compliance score's " +
        "denominator and its cost moves from the gap to the waived line. Needs the finops:waiver:request scope.")]
    public async Task<WaiverAnswer> RequestWaiverAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Why the violations should be waived (1–1000 characters), e.g. \"Legacy host, decommissioned in Q1\".")]
        string reason,
        [Description("When the waiver stops counting: an ISO 8601 date (midnight UTC) or date-time, e.g. \"2027-03-31\"; at most FinOps:Waivers:MaxDays (default 180) days away.")]
        string expires_at,
        [Description("The one resource to waive, e.g. \"arn:aws:ec2:us-east-1:123456789012:instance/i-0abc\". Omit for a pattern scope.")]
        string? arn = null,
        [Description("A pattern scope's resource type, e.g. \"ec2:instance\".")]
        string? resource_type = null,
        [Description("A pattern scope's region, e.g. \"us-east-1\", \"global\", or \"*\" for every region.")]
        string? region = null,
        [Description("A pattern scope's name glob (* any run, ? one character, case-insensitive), e.g. \"web-*\".")]
        string? name_pattern = null,
        [Description("A pattern scope's tag pattern Key=glob, e.g. \"Team=data-*\".")]
        string? tag_pattern = null,
        [Description("The policy tag key to waive, e.g. \"CostCenter\"; omit (or \"*\") for every key.")]
        string? tag_key = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expires = ParseExpiry(expires_at);
        var result = await desk.RequestAsync(context.User, "mcp:request_waiver",
            new WaiverRequest(arn, resource_type, region, name_pattern, tag_pattern, tag_key, reason, expires), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw McpErrors.Invalid(result.Refusal!);
        }

        return Answer(new WaiverListing(result.Waiver!, result.Waiver!.StatusAt(time.GetUtcNow())));
    }

    private static DateTimeOffset ParseExpiry(string? text)
    {
        const string Accepted = "an ISO 8601 date such as \"2027-03-31\" (midnight UTC) or a date-time such as \"2027-03-31T12:00:00Z\"";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw McpErrors.Invalid($"expires_at is required: {Accepted}.");
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (trimmed.Length <= 40 && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) && trimmed.Contains('T', StringComparison.Ordinal))
        {
            return at;
        }

        throw McpErrors.Invalid($"expires_at '{McpArguments.Shorten(trimmed)}' is not {Accepted}.");
    }

    private static WaiverAnswer Answer(WaiverListing listing)
    {
        var w = listing.Waiver;
        return new WaiverAnswer(w.Id, WaiverService.Name(listing.Status), w.Scope.Arn, w.Scope.ResourceType, w.Scope.Region,
            w.Scope.NamePattern?.Pattern, w.Scope.TagPattern, w.Scope.ToString(), w.TagKey ?? "*", w.Reason, w.RequestedBy,
            w.RequestedAt, w.ExpiresAt, w.DecidedBy, w.DecidedAt);
    }
}
