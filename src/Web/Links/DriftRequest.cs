using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;

namespace FinOps.Web.Links;

/// <summary>
/// The drift filters as they travel in a URL (the /drift page's and the drift CSV's, the same names): <c>regions</c>,
/// <c>type</c>, <c>tag</c>, <c>kind</c> (added, removed, changed) and <c>from</c> (the baseline scan; omitted: the
/// scan before the latest). Parsed once here so the page and the export keep the same rows.
/// </summary>
/// <param name="Query">What to ask history.</param>
/// <param name="Kind">Only resources that changed this way; null for every way.</param>
public sealed record DriftRequest(DriftQuery Query, ResourceDriftKind? Kind)
{
    public const string TypeName = "type";
    public const string TagName = "tag";
    public const string KindName = "kind";
    public const string FromName = "from";

    /// <summary>
    /// Parses the filters and checks the regions against the account (the scope rule every door shares): the request,
    /// or the refusals by parameter name.
    /// </summary>
    public static async Task<(DriftRequest? Request, Dictionary<string, string[]> Errors)> ParseAsync(ComplianceService compliance,
        string? regions, string? type, string? tag, string? kind, string? from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (regionScope, regionError) = await RegionSelection.CheckAsync(compliance, regions, cancellationToken).ConfigureAwait(false);
        if (regionError is not null)
        {
            errors[RegionSelection.QueryName] = [regionError];
        }

        var scope = ScanScope.EveryType.WithRegions(regionScope.Regions);
        if (!string.IsNullOrWhiteSpace(type))
        {
            try
            {
                scope = scope.WithTypes([type.Trim()]);
            }
            catch (UnknownResourceTypeException ex)
            {
                errors[TypeName] = [ex.Message];
            }
        }

        ResourceDriftKind? wantedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (DriftCsvWriter.TryParseKind(kind, out var parsed))
            {
                wantedKind = parsed;
            }
            else
            {
                errors[KindName] = [$"Unknown change kind '{ExportLinks.Shorten(kind)}'; accepted: added, removed, changed (omit it for all)."];
            }
        }

        ImmutableArray<string> keys = string.IsNullOrWhiteSpace(tag) ? [] : [tag.Trim()];
        var baseline = string.IsNullOrWhiteSpace(from) ? null : from.Trim();
        return errors.Count > 0
            ? (null, errors)
            : (new DriftRequest(new DriftQuery(baseline, null, null, scope, keys), wantedKind), errors);
    }
}
