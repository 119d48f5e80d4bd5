using System.Text.Encodings.Web;
using System.Text.Json;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>
/// Renders a <see cref="RegionReport"/> as JSON (snake_case; money as integer cents and as US dollars) for
/// <c>generate_compliance_report(format: json)</c>. The full violation list is left to the CSV/XLSX exports; top
/// offenders are included. <c>score_percent</c> is the domain's score (100 when nothing is in scope), and
/// <c>nothing_in_scope</c> says when that is so.
/// </summary>
public static class ReportJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(RegionReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var json = new Utf8JsonWriter(destination, Options);
        json.WriteStartObject();
        json.WriteString("title", report.Title);
        json.WriteStartObject("account");
        json.WriteString("display_name", report.Account.DisplayName);
        json.WriteString("account_id", report.Account.AccountId);
        json.WriteString("source_kind", report.Account.SourceKind);
        json.WriteEndObject();
        json.WriteStartArray("regions");
        foreach (var r in report.Regions)
        {
            json.WriteStringValue(r);
        }

        json.WriteEndArray();
        json.WriteStartObject("period");
        json.WriteString("value", report.Period.ToString());
        json.WriteString("label", report.Period.Label);
        json.WriteString("start", report.Period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("end_exclusive", report.Period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteString("metric", report.Metric.ToWire());
        json.WriteString("cost_source", report.CostSource);
        json.WriteString("as_of", ReportFormat.Iso(report.AsOf));
        json.WriteString("generated_at", ReportFormat.Iso(report.GeneratedAt));
        json.WriteStartObject("policy");
        json.WriteString("version", report.PolicyVersion);
        json.WriteString("hash", report.PolicyHash);
        json.WriteEndObject();
        json.WriteStartObject("data_quality");
        json.WriteString("status", ReportFormat.Status(report.DataQuality));
        json.WriteStartArray("notes");
        foreach (var n in report.DataQualityNotes)
        {
            json.WriteStringValue(n);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("overall");
        Figures(json, report.Summary, report.Costs, report.ViolationsByTag, report.TopOffenders, measured: true);
        json.WriteEndObject();

        SinceLastPeriod(json, report.SinceLastPeriod);

        json.WriteStartArray("by_region");
        foreach (var s in report.Sections)
        {
            json.WriteStartObject();
            json.WriteString("region", s.Region);
            json.WriteString("status", ReportFormat.Status(s));
            json.WriteString("failure_reason", s.FailureReason);
            json.WriteBoolean("measured", s.IsMeasured);
            json.WriteBoolean("stale", s.IsStale);
            if (s.DataAsOf is { } asOf)
            {
                json.WriteString("data_as_of", ReportFormat.Iso(asOf));
            }
            else
            {
                json.WriteNull("data_as_of");
            }

            Figures(json, s.Summary, s.Costs, s.ViolationsByTag, s.TopOffenders, s.IsMeasured);
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The figures of a scope; an unmeasured region's score and gap are null (unknown), never 100 % or 0.</summary>
    private static void Figures(Utf8JsonWriter json, ComplianceSummary summary, CostReconciliation costs,
        IEnumerable<TagKeyViolations> byTag, GapClosure closure, bool measured)
    {
        if (measured)
        {
            json.WriteNumber("score_percent", summary.ScorePercent);
        }
        else
        {
            json.WriteNull("score_percent");
        }

        json.WriteBoolean("nothing_in_scope", measured && summary.NothingInScope);
        json.WriteNumber("resources", summary.TotalResources);
        json.WriteNumber("in_scope", summary.InScope);
        json.WriteNumber("compliant", summary.Compliant);
        json.WriteNumber("non_compliant", summary.NonCompliant);
        json.WriteNumber("violations", summary.Violations);
        json.WriteNumber("error_violations", summary.ErrorViolations);
        json.WriteNumber("warning_violations", summary.WarningViolations);
        json.WriteNumber("waived", summary.Waived);
        json.WriteStartObject("costs");
        Money(json, "total", costs.TotalCents);
        Money(json, "attributable", measured ? costs.AttributableCents : null);
        Money(json, "gap", measured ? costs.GapCents : null);
        Money(json, "waived", measured ? costs.WaivedCents : null);
        Money(json, "out_of_scope", measured ? costs.OutOfScopeCents : null);
        Money(json, "untaggable", costs.UntaggableCents);
        Money(json, "unallocated", costs.UnallocatedCents);
        json.WriteBoolean("reconciles", costs.Reconciles);
        json.WriteEndObject();

        json.WriteStartArray("violations_by_tag");
        foreach (var t in byTag)
        {
            json.WriteStartObject();
            json.WriteString("tag_key", t.TagKey);
            json.WriteNumber("violations", t.Violations);
            json.WriteNumber("errors", t.Errors);
            json.WriteNumber("warnings", t.Warnings);
            json.WriteNumber("resources", t.Resources);
            Money(json, "cost_at_stake", t.CostAtStakeCents);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("top_offenders");
        json.WriteString("summary", closure.Sentence);
        json.WriteNumber("closes_percent_of_gap", closure.PercentOfGap);
        Money(json, "closes", closure.ClosedCents);
        json.WriteStartArray("resources");
        foreach (var r in closure.Resources)
        {
            json.WriteStartObject();
            json.WriteNumber("rank", r.Rank);
            json.WriteString("arn", r.Arn);
            json.WriteString("name", r.Name);
            json.WriteString("resource_type", r.ResourceType);
            json.WriteString("region", r.Region);
            json.WriteStartArray("broken_tags");
            foreach (var k in r.BrokenTagKeys)
            {
                json.WriteStringValue(k);
            }

            json.WriteEndArray();
            Money(json, "cost_at_stake", r.CostAtStakeCents);
            json.WriteString("cost_provenance", r.CostProvenance.ToWire());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Money(Utf8JsonWriter json, string name, long? cents)
    {
        if (cents is not { } known)
        {
            json.WriteNull(name + "_cents");
            json.WriteNull(name + "_usd");
            return;
        }

        json.WriteNumber(name + "_cents", known);
        json.WriteNumber(name + "_usd", Costs.Money.ToUsd(known));
    }

    /// <summary>
    /// <c>since_last_period</c>: null without history; <c>has_earlier_scan: false</c> and a note when there is none;
    /// else the previous scan, score (percent) and gap then and now, and the violations fixed and new since.
    /// </summary>
    private static void SinceLastPeriod(Utf8JsonWriter json, PeriodComparison? since)
    {
        if (since is null)
        {
            json.WriteNull("since_last_period");
            return;
        }

        json.WriteStartObject("since_last_period");
        json.WriteBoolean("has_earlier_scan", since.HasEarlierScan);
        json.WriteString("note", since.Note);
        json.WriteString("previous_scan_id", since.ThenScanId);
        if (since.ThenAt is { } at)
        {
            json.WriteString("previous_scan_at", ReportFormat.Iso(at));
        }
        else
        {
            json.WriteNull("previous_scan_at");
        }

        Number("score_percent_then", since.ScoreThen is { } then ? Math.Round(then * 100, 1) : null);
        Number("score_percent_now", since.ScoreNow is { } now ? Math.Round(now * 100, 1) : null);
        Number("score_change_points", since.ScorePoints);
        Usd("gap_usd_then", since.GapThenCents);
        Usd("gap_usd_now", since.GapNowCents);
        Usd("gap_change_usd", since.GapChangeCents);
        Number("violations_fixed", since.ViolationsFixed);
        Number("violations_new", since.ViolationsNew);
        json.WriteStartArray("score_trend");
        foreach (var point in since.Trend)
        {
            json.WriteStartObject();
            json.WriteString("scan_id", point.ScanId);
            json.WriteString("at", ReportFormat.Iso(point.At));
            Number("score_percent", point.Score is { } score ? Math.Round(score * 100, 1) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        void Number(string name, double? value)
        {
            if (value is { } v)
            {
                json.WriteNumber(name, v);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        void Usd(string name, long? cents)
        {
            if (cents is { } c)
            {
                json.WriteNumber(name, Costs.Money.ToUsd(c));
            }
            else
            {
                json.WriteNull(name);
            }
        }
    }
}
