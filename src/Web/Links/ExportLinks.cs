using System.Text;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Reports;

namespace FinOps.Web.Links;

/// <summary>
/// Addresses and file names of the export endpoints, shared by the endpoints and the /reports page so a link the page
/// renders is exactly what the API accepts. Links are relative to the app's base address.
/// </summary>
public static class ExportLinks
{
    /// <summary>The region report endpoint.</summary>
    public const string RegionReportPath = "api/reports/regions";

    /// <summary>The violations CSV endpoint.</summary>
    public const string ViolationsCsvPath = "api/violations.csv";

    /// <summary>The owners CSV endpoint.</summary>
    public const string OwnersCsvPath = "api/owners.csv";

    /// <summary>The link that downloads the /owners page's rows for the same regions.</summary>
    public static string OwnersCsv(IEnumerable<string> regions)
    {
        var query = new StringBuilder();
        Add(query, RegionSelection.QueryName, RegionSelection.Format(regions));
        return OwnersCsvPath + query;
    }

    /// <summary>"finops-owners-2026-10.csv": named after the period its costs are for.</summary>
    public static string OwnersFileName(BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"finops-owners-{Slug(period)}.csv";
    }

    /// <summary>The drift CSV endpoint.</summary>
    public const string DriftCsvPath = "api/drift.csv";

    /// <summary>The link that downloads the drift rows the /drift page shows for the same filters.</summary>
    public static string DriftCsv(IEnumerable<string> regions, string? type, string? tag, string? kind, string? from)
    {
        var query = new StringBuilder();
        Add(query, RegionSelection.QueryName, RegionSelection.Format(regions));
        Add(query, DriftRequest.TypeName, type);
        Add(query, DriftRequest.TagName, tag);
        Add(query, DriftRequest.KindName, kind);
        Add(query, DriftRequest.FromName, from);
        return DriftCsvPath + query;
    }

    /// <summary>"finops-drift-20261207T2250Z.csv": named after the later scan's time.</summary>
    public static string DriftFileName(DateTimeOffset to) =>
        $"finops-drift-{to.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture)}.csv";

    /// <summary>The link that downloads a region report; omitted parameters take the API's defaults.</summary>
    /// <param name="format">The file format.</param>
    /// <param name="regions">Regions to cover; empty for every region of the scan.</param>
    /// <param name="period">A period as <see cref="BillingPeriod.TryParse"/> accepts it; null or empty for the scan's own.</param>
    /// <param name="metric">The cost metric; null for the scan's own.</param>
    public static string RegionReport(ReportFileFormat format, IEnumerable<string> regions, string? period, CostMetric? metric)
    {
        var query = new StringBuilder();
        Add(query, "format", format.ToWire());
        Add(query, RegionSelection.QueryName, RegionSelection.Format(regions));
        Add(query, "period", period);
        Add(query, "metric", metric?.ToWire());
        return RegionReportPath + query;
    }

    /// <summary>The link that downloads the violations CSV.</summary>
    /// <param name="regions">Regions to cover; empty for every region of the scan.</param>
    /// <param name="severity">Only violations of this severity; null for all.</param>
    /// <param name="columns">Columns in order; empty (or all of them in the default order) for every column.</param>
    public static string ViolationsCsv(IEnumerable<string> regions, Severity? severity, IReadOnlyList<ViolationColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var query = new StringBuilder();
        Add(query, RegionSelection.QueryName, RegionSelection.Format(regions));
        Add(query, "severity", severity?.ToWire());
        var all = columns.Count == 0 || columns.SequenceEqual(ViolationColumns.All);
        Add(query, "columns", all ? null : string.Join(',', columns.Select(c => c.ToWire())));
        return ViolationsCsvPath + query;
    }

    /// <summary>"finops-regions-2026-10.pdf", or "finops-regions-2026-11-01_2026-11-26.xlsx" for a range.</summary>
    public static string RegionReportFileName(BillingPeriod period, ReportFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"finops-regions-{Slug(period)}.{format.ToWire()}";
    }

    /// <summary>"finops-violations-2026-10.csv": named after the period its costs at stake are for.</summary>
    public static string ViolationsFileName(BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"finops-violations-{Slug(period)}.csv";
    }

    /// <summary>User input quoted back in an error, cut to a readable length.</summary>
    internal static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Slug(BillingPeriod period) => period.ToString().Replace("..", "_", StringComparison.Ordinal);

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
