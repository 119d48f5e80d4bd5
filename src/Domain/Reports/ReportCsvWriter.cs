using System.Collections.Immutable;
using CsvHelper;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>
/// CSV exports (CsvHelper, RFC 4180: CRLF records, quotes where needed, UTF-8 without byte-order mark): the violations
/// list with selectable columns, and the region summary of a <see cref="RegionReport"/>. Text cells go through
/// <see cref="FormulaInjection.Neutralize"/>; money is plain USD with two decimals, scores a plain percentage (empty
/// where nothing is in scope, which <c>nothing_in_scope</c> says). The region summary's <c>all</c> row also carries the
/// "since the last period" figures (previous scan, its score and gap, violations fixed and new).
/// </summary>
public static class ReportCsvWriter
{
    /// <summary>The region summary's columns.</summary>
    public static ImmutableArray<string> RegionSummaryHeader { get; } =
    [
        "region", "status", "measured", "data_as_of", "score_percent", "nothing_in_scope", "resources", "in_scope", "compliant", "non_compliant", "violations",
        "error_violations", "warning_violations", "total_usd", "attributable_usd", "gap_usd", "out_of_scope_usd",
        "untaggable_usd", "unallocated_usd", "top_offenders", "top_offenders_close_percent",
        "previous_scan_at", "previous_score_percent", "previous_gap_usd", "violations_fixed", "violations_new",
    ];

    /// <summary>Writes violations in the given order, one row each, with a header of the columns' wire names.</summary>
    public static async Task WriteViolationsAsync(IEnumerable<Violation> violations, IReadOnlyList<ViolationColumn> columns,
        Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            columns = ViolationColumns.All;
        }

        await using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.ToWire());
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var v in violations)
        {
            foreach (var column in columns)
            {
                csv.WriteField(Cell(v, column));
            }

            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one row per region of the report, then an <c>all</c> row with the overall figures.</summary>
    public static async Task WriteRegionSummaryAsync(RegionReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var name in RegionSummaryHeader)
        {
            csv.WriteField(name);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var s in report.Sections)
        {
            WriteSummaryRow(csv, s.Region, ReportFormat.Status(s), s.DataAsOf, s.Summary, s.Costs, s.TopOffenders);
            WriteSinceLastPeriod(csv, null);
            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        WriteSummaryRow(csv, GapClosure.AllRegions, ReportFormat.Status(report.DataQuality), report.AsOf, report.Summary, report.Costs, report.TopOffenders);
        WriteSinceLastPeriod(csv, report.SinceLastPeriod);
        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text of one violation's cell, neutralised against formula injection where it is text.</summary>
    public static string Cell(Violation v, ViolationColumn column)
    {
        ArgumentNullException.ThrowIfNull(v);
        return column switch
        {
            ViolationColumn.Region => FormulaInjection.Neutralize(v.Region),
            ViolationColumn.ResourceType => FormulaInjection.Neutralize(v.ResourceType),
            ViolationColumn.Arn => FormulaInjection.Neutralize(v.Arn),
            ViolationColumn.ResourceName => FormulaInjection.Neutralize(v.ResourceName),
            ViolationColumn.TagKey => FormulaInjection.Neutralize(v.TagKey),
            ViolationColumn.Kind => v.Kind.ToWire(),
            ViolationColumn.Severity => v.Severity.ToWire(),
            ViolationColumn.CurrentValue => FormulaInjection.Neutralize(v.CurrentValue),
            ViolationColumn.Expected => FormulaInjection.Neutralize(v.Expected),
            ViolationColumn.Message => FormulaInjection.Neutralize(v.Message),
            ViolationColumn.ResourceCostUsd => Money.Plain(v.ResourceCostCents),
            ViolationColumn.GapShareUsd => Money.Plain(v.GapShareCents),
            ViolationColumn.CostProvenance => v.CostProvenance.ToWire(),
            ViolationColumn.WaivedUntil => v.WaivedUntil is { } until
                ? until.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
                : "",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    /// <summary>
    /// One row; a region no scan has listed (<paramref name="asOf"/> null) leaves its score, counts and resource money
    /// empty — they are unknown — and keeps its billed, untaggable and unallocated spend.
    /// </summary>
    private static void WriteSummaryRow(CsvWriter csv, string region, string status, DateTimeOffset? asOf, ComplianceSummary summary,
        CostReconciliation costs, GapClosure closure)
    {
        var measured = asOf is not null;
        string Known(string text) => measured ? text : "";
        csv.WriteField(FormulaInjection.Neutralize(region));
        csv.WriteField(status);
        csv.WriteField(ReportFormat.Flag(measured));
        csv.WriteField(asOf is { } at ? ReportFormat.Iso(at) : "");
        csv.WriteField(Known(ReportFormat.PlainScore(summary)));
        csv.WriteField(ReportFormat.Flag(measured && summary.NothingInScope));
        csv.WriteField(Known(Number(summary.TotalResources)));
        csv.WriteField(Known(Number(summary.InScope)));
        csv.WriteField(Known(Number(summary.Compliant)));
        csv.WriteField(Known(Number(summary.NonCompliant)));
        csv.WriteField(Known(Number(summary.Violations)));
        csv.WriteField(Known(Number(summary.ErrorViolations)));
        csv.WriteField(Known(Number(summary.WarningViolations)));
        csv.WriteField(Money.Plain(costs.TotalCents));
        csv.WriteField(Known(Money.Plain(costs.AttributableCents)));
        csv.WriteField(Known(Money.Plain(costs.GapCents)));
        csv.WriteField(Known(Money.Plain(costs.OutOfScopeCents)));
        csv.WriteField(Money.Plain(costs.UntaggableCents));
        csv.WriteField(Money.Plain(costs.UnallocatedCents));
        csv.WriteField(Known(Number(closure.Resources.Length)));
        csv.WriteField(Known(ReportFormat.PlainPercent(closure.PercentOfGap)));
    }

    /// <summary>
    /// The "since the last period" cells: on the <c>all</c> row, the previous scan's time, score and gap and the
    /// violations fixed and new since; empty on region rows and when there is no earlier scan.
    /// </summary>
    private static void WriteSinceLastPeriod(CsvWriter csv, PeriodComparison? since)
    {
        var known = since is { HasEarlierScan: true };
        csv.WriteField(known && since!.ThenAt is { } at ? ReportFormat.Iso(at) : "");
        csv.WriteField(known && since!.ScoreThen is { } score ? ReportFormat.PlainPercent(score * 100) : "");
        csv.WriteField(known && since!.GapThenCents is { } gap ? Money.Plain(gap) : "");
        csv.WriteField(known && since!.ViolationsFixed is { } fixedCount ? Number(fixedCount) : "");
        csv.WriteField(known && since!.ViolationsNew is { } newCount ? Number(newCount) : "");
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
