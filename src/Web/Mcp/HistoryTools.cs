using System.Collections.Immutable;
using System.ComponentModel;
using System.Globalization;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;
using FinOps.Web.Security;
using ModelContextProtocol.Server;

namespace FinOps.Web.Mcp;

/// <summary>
/// Questions about the past: which scans history keeps, how the headline figures moved over time, and what changed on
/// resources between two scans. Every figure comes from <see cref="HistoryService"/>; the tools only check arguments
/// and spell the answers.
/// </summary>
[McpServerToolType]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "MCP argument names are snake_case on the wire; the SDK takes them from the parameter names.")]
public sealed class HistoryTools(HistoryService history, TimeProvider time)
{
    /// <summary>Default number of scans list_scans returns.</summary>
    public const int DefaultScanLimit = 20;

    /// <summary>Most scans list_scans returns per page.</summary>
    public const int MaxScanLimit = 100;

    /// <summary>Default window of get_violation_history, in days.</summary>
    public const int DefaultDays = 30;

    /// <summary>Longest window of get_violation_history, in days.</summary>
    public const int MaxDays = 400;

    private const string DriftTool = "detect_tag_drift";

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "list_scans", Title = "List stored scans", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the scans kept in history, newest first: scan_id, when each started and finished (UTC), status, " +
        "scope (regions and types), the policy version and hash it was judged by, data quality, and the headline figures the " +
        "product showed right after it (score, cost attribution gap in USD, violations, resources in scope). Use it to find a " +
        "scan_id for detect_tag_drift or for the scan_id argument of check_tag_compliance and the reports. Paged with next_cursor.")]
    public async Task<ScanListAnswer> ListScansAsync(
        [Description("Scans per page, 1–100 (default 20).")]
        int? limit = null,
        [Description("next_cursor of a previous list_scans answer, for the next (older) page.")]
        string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var pageSize = McpArguments.Limit(limit, DefaultScanLimit, MaxScanLimit);
        var text = string.IsNullOrWhiteSpace(cursor) ? null : cursor.Trim();
        var page = await Guard(() => history.ListScansAsync(pageSize, text, cancellationToken),
            "cursor is not a cursor list_scans issued; pass next_cursor from a previous list_scans answer unchanged, or leave it out for the newest scans.").ConfigureAwait(false);
        var status = history.Status;
        return new ScanListAnswer([.. page.Scans.Select(McpHistoryAnswers.Scan)], page.NextCursor, history.StoreKind,
            status.PendingScans, status.Problem is null ? null : history.ForCallers(status.Problem));
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = "get_violation_history", Title = "Get violation history", ReadOnly = true, Destructive = false,
        Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Shows how compliance moved over time: one point per kept scan in the last `days` days with the score, " +
        "cost attribution gap (USD), violations and resources in scope the product showed right after that scan, for the " +
        "whole account or grouped by region or resource type. Policy changes in the window are listed as annotations, " +
        "because a new policy moves the score without any resource changing. Use it for trend questions (\"are we getting " +
        "better?\"); use detect_tag_drift to see which resources changed.")]
    public async Task<ViolationHistoryAnswer> GetViolationHistoryAsync(
        [Description("Regions to show, or \"global\"; implies group_by \"region\". Omit for every region.")]
        string[]? regions = null,
        [Description("Resource types to show, e.g. [\"ec2:instance\"]; implies group_by \"resource_type\". Omit for every type.")]
        string[]? resource_types = null,
        [Description("How many days back to look, 1–400 (default 30).")]
        int? days = null,
        [Description("\"overall\" (default: the whole account), \"region\" or \"resource_type\".")]
        string? group_by = null,
        CancellationToken cancellationToken = default)
    {
        var window = McpArguments.Limit(days, DefaultDays, MaxDays, "days");

        var regionList = McpArguments.Clean(regions, "regions");
        var typeList = McpArguments.Clean(resource_types, "resource_types");
        var dimension = Dimension(group_by, regionList, typeList);
        ImmutableArray<string> keys = [];
        if (dimension == FigureDimension.Region && !regionList.IsEmpty)
        {
            keys = McpArguments.Scope(null, [.. regionList]).Regions;
        }
        else if (dimension == FigureDimension.ResourceType && !typeList.IsEmpty)
        {
            keys = McpArguments.Scope(typeList, null).ResourceTypes;
        }

        var until = time.GetUtcNow();
        var since = until - TimeSpan.FromDays(window);
        var series = await Guard(() => history.TrendAsync(new TrendQuery(dimension, keys, since, until), cancellationToken), null).ConfigureAwait(false);
        var grouped = series.Points.GroupBy(p => p.Figures.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HistorySeriesAnswer(g.Key, [.. g.Select(McpHistoryAnswers.Point)]))
            .ToList();
        var scans = series.Points.Select(p => p.ScanId).Distinct(StringComparer.Ordinal).Count();
        var note = scans > 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"History keeps no scan finished in the last {window} days{(keys.IsEmpty ? "" : " for " + string.Join(", ", keys))}; list_scans shows what is kept, and a larger days looks further back.");
        return new ViolationHistoryAnswer(Wire(dimension), since, until, window, scans, grouped,
            [.. series.PolicyChanges.Select(McpHistoryAnswers.PolicyChange)], note);
    }

    [McpToolPermission(FinOpsAction.Read)]
    [McpServerTool(Name = DriftTool, Title = "Detect tag drift", ReadOnly = true, Destructive = false, Idempotent = true,
        OpenWorld = false, UseStructuredContent = true)]
    [Description("Says what changed between a baseline scan and the latest scan: resources added and removed, tags added, " +
        "removed or changed (key, before → after), violations new and fixed, and how much of the cost attribution gap each " +
        "resource moved, largest movement first, with totals. The baseline is since_scan_id (from list_scans), or the newest " +
        "scan at or before since, or by default the scan before the latest. Use it for \"what changed since last week?\" or " +
        "\"who removed the CostCenter tags?\". Paged with next_cursor.")]
    public async Task<DriftAnswer> DetectTagDriftAsync(
        [Description("The baseline scan's scan_id (see list_scans). Give this or since, not both.")]
        string? since_scan_id = null,
        [Description("Baseline by time: the newest kept scan at or before this ISO-8601 date or date-time (UTC when no offset), e.g. \"2026-11-30\" or \"2026-11-30T18:00:00Z\".")]
        string? since = null,
        [Description("Regions to keep, or \"global\"; omit for every region.")]
        string[]? regions = null,
        [Description("Resource types to keep, e.g. [\"ec2:instance\"], or [\"all\"] for every cost-generating type; omit for every type.")]
        string[]? resource_types = null,
        [Description("Keep only changes touching these tag keys (tags changed or violations new or fixed), e.g. [\"CostCenter\"]; omit for every key.")]
        string[]? tag_keys = null,
        [Description("Resources per page, 1–500 (default 50).")]
        int? limit = null,
        [Description("next_cursor of a previous detect_tag_drift answer, to get the next page (same other arguments).")]
        string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var baseline = string.IsNullOrWhiteSpace(since_scan_id) ? null : since_scan_id.Trim();
        var sinceText = string.IsNullOrWhiteSpace(since) ? null : since.Trim();
        if (baseline is not null && sinceText is not null)
        {
            throw McpErrors.Invalid("Give since_scan_id or since, not both: since_scan_id names the baseline scan (see list_scans), since picks the newest scan at or before a date.");
        }

        if (baseline is { Length: > 64 })
        {
            throw McpErrors.Invalid("since_scan_id is not a scan id (at most 64 characters); list_scans gives the kept scans' ids.");
        }

        DateTimeOffset? sinceAt = sinceText is null ? null : ParseSince(sinceText);
        var typeList = McpArguments.Clean(resource_types, "resource_types");
        var regionScope = McpArguments.Scope(null, regions);
        var scope = typeList.IsEmpty ? ScanScope.EveryType.WithRegions(regionScope.Regions) : McpArguments.Scope(typeList, regions);
        var keys = McpArguments.Clean(tag_keys, "tag_keys").Distinct(StringComparer.Ordinal).ToImmutableArray();
        var pageSize = McpArguments.Limit(limit);
        var fingerprint = McpCursor.FingerprintOf(DriftTool, [baseline, sinceAt?.UtcTicks.ToString(CultureInfo.InvariantCulture)],
            scope.ResourceTypes, scope.Regions, keys);

        // A cursor pins the later scan, so every page compares the same two scans even when a newer one is stored meanwhile.
        string? to = null;
        var offset = 0;
        if (cursor is not null)
        {
            var page = McpCursor.Decode(cursor, fingerprint, "since_scan_id, since, regions, resource_types or tag_keys", DriftTool);
            to = page.ScanId;
            offset = page.Offset;
        }

        var report = await Guard(() => history.DriftAsync(new DriftQuery(baseline, to, sinceAt, scope, keys), cancellationToken), null).ConfigureAwait(false);
        var items = report.Resources.Skip(offset).Take(pageSize).ToList();
        var nextOffset = offset + items.Count;
        var next = nextOffset < report.Resources.Length ? new McpCursor(report.To.Record.ScanId, fingerprint, nextOffset).Encode() : null;
        return new DriftAnswer(McpHistoryAnswers.Side(report.From), McpHistoryAnswers.Side(report.To), McpAnswers.List(scope.Regions),
            typeList.IsEmpty ? [] : McpAnswers.List(scope.ResourceTypes), keys, report.Added, report.Removed, report.Changed,
            report.TagsAdded, report.TagsRemoved, report.TagsChanged, report.ViolationsNew, report.ViolationsFixed,
            Domain.Costs.Money.ToUsd(report.GapMovedCents), report.GapMovedCents, report.Resources.Length,
            [.. items.Select(McpHistoryAnswers.Resource)], next);
    }

    /// <summary>
    /// Which figures a history question reads: history keeps them for the whole account, per region and per type (not per
    /// region and type together), so a region filter means per-region series and a type filter per-type series.
    /// </summary>
    private static FigureDimension Dimension(string? groupBy, ImmutableArray<string> regions, ImmutableArray<string> types)
    {
        if (!regions.IsEmpty && !types.IsEmpty)
        {
            throw McpErrors.Invalid("Give regions or resource_types, not both: history keeps figures for the whole account, per region and per resource type, not per region and type together.");
        }

        FigureDimension? asked = (groupBy?.Trim().ToLowerInvariant()) switch
        {
            null or "" => null,
            "overall" or "all" or "none" => FigureDimension.Overall,
            "region" => FigureDimension.Region,
            "resource_type" or "type" => FigureDimension.ResourceType,
            _ => throw McpErrors.Invalid($"group_by '{McpArguments.Shorten(groupBy!)}' is not accepted; use \"overall\" (default), \"region\" or \"resource_type\"."),
        };
        var implied = !regions.IsEmpty ? FigureDimension.Region : !types.IsEmpty ? FigureDimension.ResourceType : (FigureDimension?)null;
        if (asked is { } a && implied is { } i && a != i)
        {
            throw McpErrors.Invalid($"group_by \"{Wire(a)}\" does not go with {(i == FigureDimension.Region ? "regions" : "resource_types")}: " +
                $"that filter picks {(i == FigureDimension.Region ? "regions" : "resource types")}, so group_by must be \"{Wire(i)}\" (or left out).");
        }

        return asked ?? implied ?? FigureDimension.Overall;
    }

    private static string Wire(FigureDimension dimension) => dimension switch
    {
        FigureDimension.Region => "region",
        FigureDimension.ResourceType => "resource_type",
        _ => "overall",
    };

    private static DateTimeOffset ParseSince(string text)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
                "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, styles, out var at))
        {
            return at;
        }

        throw McpErrors.Invalid($"since '{McpArguments.Shorten(text)}' is not accepted; use an ISO-8601 date or date-time, e.g. \"2026-11-30\" or \"2026-11-30T18:00:00Z\" (UTC when no offset is given).");
    }

    /// <summary>
    /// Runs a history read: an unreachable store and the domain's refusals (unknown scan, nothing to compare) become tool
    /// errors for people; <paramref name="badCursor"/>, when given, replaces the store's refusal of a cursor.
    /// </summary>
    private async Task<T> Guard<T>(Func<Task<T>> call, string? badCursor)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HistoryUnavailableException ex)
        {
            throw McpErrors.Invalid($"The history store cannot be read right now: {history.ForCallers(ex.Message)} Current figures are still answered by check_tag_compliance.");
        }
        catch (ArgumentException ex) when (badCursor is not null && ex.ParamName == "cursor")
        {
            throw McpErrors.Invalid(badCursor);
        }
        catch (ArgumentException ex) when (badCursor is null && ex.ParamName is null)
        {
            throw McpErrors.Invalid(ex.Message);
        }
    }
}
