using System.Collections.Immutable;
using FinOps.Domain.Scanning;
using Microsoft.AspNetCore.WebUtilities;

namespace FinOps.Web.Links;

/// <summary>
/// The region filter as it travels in the URL (<c>?regions=eu-west-1,us-east-1</c>), so a filtered view can be
/// bookmarked and shared. Empty means every region.
/// </summary>
public static class RegionSelection
{
    /// <summary>The query-string parameter every page reads.</summary>
    public const string QueryName = "regions";

    /// <summary>
    /// Parses the query value by the scope rule every door shares (<see cref="ScanScope.FromQuery"/>): the scope, or
    /// every region with the reason when the value is refused.
    /// </summary>
    public static (ScanScope Scope, string? Error) ParseScope(string? query)
    {
        try
        {
            return (ScanScope.FromQuery(query), null);
        }
        catch (InvalidRegionException ex)
        {
            return (ScanScope.Everything, ex.Message);
        }
    }

    /// <summary>
    /// Parses the query value and checks its regions against the account (the planner's rule, as the API and MCP do):
    /// the scope, or every region with the refusal in the domain's words.
    /// </summary>
    public static async Task<(ScanScope Scope, string? Error)> CheckAsync(ComplianceService compliance, string? query,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        var (scope, error) = ParseScope(query);
        if (error is not null || scope.CoversEveryRegion)
        {
            return (scope, error);
        }

        try
        {
            await compliance.PlanAsync(new ScanRequest(scope), cancellationToken).ConfigureAwait(false);
            return (scope, null);
        }
        catch (InvalidRegionException ex)
        {
            return (ScanScope.Everything, ex.Message);
        }
    }

    /// <summary>The regions of a query value (sorted, distinct; empty for every region or a refused value).</summary>
    public static ImmutableArray<string> Parse(string? query) => ParseScope(query).Scope.Regions;

    /// <summary>The query value for a selection, or null for "every region".</summary>
    public static string? Format(IEnumerable<string> regions)
    {
        var list = regions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>The selection carried by a full URL (components outside the page, such as the layout, read it this way).</summary>
    public static ImmutableArray<string> FromUri(string uri) => Parse(QueryValue(uri, QueryName));

    /// <summary>One query-string value of a URL, or null.</summary>
    public static string? QueryValue(string uri, string name)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var start = uri.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = uri.IndexOf('#', start);
        var query = QueryHelpers.ParseQuery(end < 0 ? uri[start..] : uri[start..end]);
        return query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    /// <summary>A relative link to a page that keeps the selection.</summary>
    public static string Link(string path, IEnumerable<string> regions) =>
        Format(regions) is { } value ? $"{path}?{QueryName}={Escape(value)}" : path;

    /// <summary>The query value as it goes into a URL: each code escaped, the commas kept (<c>eu-west-1,us-east-1</c>).</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join(',', value.Split(',').Select(Uri.EscapeDataString));
    }
}
