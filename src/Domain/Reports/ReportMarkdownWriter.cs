using System.Text;
using FinOps.Domain.Costs;
using FinOps.Domain.Scanning;

namespace FinOps.Domain.Reports;

/// <summary>Renders a <see cref="RegionReport"/> as GitHub-flavoured Markdown (for <c>generate_compliance_report(format: markdown)</c>).</summary>
public static class ReportMarkdownWriter
{
    /// <summary>The "Since the last period" section: a line when there is no earlier scan, else a table; nothing without history.</summary>
    private static void SinceLastPeriod(StringBuilder md, PeriodComparison? since)
    {
        if (since is null)
        {
            return;
        }

        md.Append("## ").AppendLine(PeriodComparison.Title).AppendLine();
        md.AppendLine(Escape(PeriodComparisonRow.Intro(since))).AppendLine();
        var rows = PeriodComparisonRow.Of(since);
        if (rows.Count == 0)
        {
            return;
        }

        md.AppendLine("| Figure | Then | Now | Change |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine($"| {row.Figure} | {row.Then} | {row.Now} | {row.Change} |");
        }

        md.AppendLine();
        if (since.Note is { } note)
        {
            md.AppendLine(Escape(note)).AppendLine();
        }
    }

    /// <summary>The Markdown text.</summary>
    public static string Render(RegionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        md.Append("- **Account:** ").AppendLine(Escape(report.Account.DisplayName + (report.Account.AccountId is { } id && !report.Account.DisplayName.Contains(id, StringComparison.Ordinal) ? $" ({id})" : "")));
        md.Append("- **Regions:** ").AppendLine(Escape(string.Join(", ", report.Regions)));
        md.Append("- **Period:** ").AppendLine(Escape($"{report.Period.Label} ({report.Metric.ToCostExplorer()}, from {report.CostSource})"));
        md.Append("- **Data as of:** ").AppendLine(ReportFormat.Timestamp(report.AsOf));
        md.Append("- **Policy:** ").AppendLine(Escape($"version {report.PolicyVersion} ({report.PolicyHash})"));
        md.Append("- **Data quality:** ").AppendLine(ReportFormat.Status(report.DataQuality));
        md.AppendLine();
        md.Append("**Compliance score:** ").Append(ReportFormat.Score(report.Summary))
            .Append(" · **Cost attribution gap:** ").AppendLine(Money.Format(report.Costs.GapCents)).AppendLine();
        md.AppendLine(Escape(report.TopOffenders.Sentence)).AppendLine();
        SinceLastPeriod(md, report.SinceLastPeriod);

        md.AppendLine("## Spend").AppendLine();
        Reconciliation(md, report.Costs);

        md.AppendLine("## Regions").AppendLine();
        md.AppendLine("| Region | Status | Score | Non-compliant | Violations | Gap | Total |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sections)
        {
            md.AppendLine(s.IsMeasured
                ? $"| {Escape(s.Label)} | {ReportFormat.Status(s)} | {ReportFormat.Score(s)} | {ReportFormat.Count(s.Summary.NonCompliant)} | {ReportFormat.Count(s.Summary.Violations)} | {ReportFormat.Gap(s)} | {Money.Format(s.Costs.TotalCents)} |"
                : $"| {Escape(s.Label)} | {ReportFormat.Status(s)} | {ReportFormat.Score(s)} | — | — | {ReportFormat.Gap(s)} | {Money.Format(s.Costs.TotalCents)} |");
        }

        md.AppendLine($"| **All regions** | {ReportFormat.Status(report.DataQuality)} | **{ReportFormat.Score(report.Summary)}** | {ReportFormat.Count(report.Summary.NonCompliant)} | {ReportFormat.Count(report.Summary.Violations)} | **{Money.Format(report.Costs.GapCents)}** | {Money.Format(report.Costs.TotalCents)} |");
        md.AppendLine();

        foreach (var s in report.Sections)
        {
            md.Append("## Region ").AppendLine(Escape(s.Label)).AppendLine();
            md.Append("Status: ").Append(ReportFormat.Status(s)).AppendLine(s.FailureReason is { } why ? $" ({Escape(why)})" : "").AppendLine();
            md.Append("**Compliance score:** ").Append(ReportFormat.Score(s))
                .Append(" · **Cost attribution gap:** ").AppendLine(ReportFormat.Gap(s)).AppendLine();
            if (!s.IsMeasured)
            {
                md.AppendLine(Escape(s.TopOffenders.Sentence)).AppendLine();
                continue;
            }

            Reconciliation(md, s.Costs);
            if (!s.ViolationsByTag.IsEmpty)
            {
                md.AppendLine("| Tag key | Violations | Errors | Warnings | Resources | Cost at stake |");
                md.AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var t in s.ViolationsByTag)
                {
                    md.AppendLine($"| {Escape(t.TagKey)} | {ReportFormat.Count(t.Violations)} | {ReportFormat.Count(t.Errors)} | {ReportFormat.Count(t.Warnings)} | {ReportFormat.Count(t.Resources)} | {Money.Format(t.CostAtStakeCents)} |");
                }

                md.AppendLine();
            }

            md.AppendLine(Escape(s.TopOffenders.Sentence)).AppendLine();
            if (!s.TopOffenders.Resources.IsEmpty)
            {
                md.AppendLine("| # | ARN | Type | Broken tags | Cost at stake | Source |");
                md.AppendLine("|---:|---|---|---|---:|---|");
                foreach (var r in s.TopOffenders.Resources)
                {
                    md.AppendLine($"| {r.Rank} | {Escape(r.Arn)} | {Escape(r.ResourceType)} | {Escape(string.Join(", ", r.BrokenTagKeys))} | {Money.Format(r.CostAtStakeCents)} | {r.CostProvenance.ToWire()} |");
                }

                md.AppendLine();
            }
        }

        md.AppendLine("## Data quality").AppendLine();
        if (report.DataQualityNotes.IsEmpty)
        {
            md.AppendLine("No caveats: every region and resource type was scanned completely.");
        }

        foreach (var note in report.DataQualityNotes)
        {
            md.Append("- ").AppendLine(Escape(note));
        }

        return md.ToString();
    }

    /// <summary>Writes the Markdown as UTF-8.</summary>
    public static async Task WriteAsync(RegionReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = new UTF8Encoding(false).GetBytes(Render(report));
        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static void Reconciliation(StringBuilder md, CostReconciliation c)
    {
        if (c.WaivedCents != 0)
        {
            // The waived line appears once some spend is waived (total = attributable + gap + waived + …).
            md.AppendLine("| Total | Attributable | Gap | Waived | Out of scope | Untaggable | Unallocated |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
            md.AppendLine($"| {Money.Format(c.TotalCents)} | {Money.Format(c.AttributableCents)} | {Money.Format(c.GapCents)} | {Money.Format(c.WaivedCents)} | {Money.Format(c.OutOfScopeCents)} | {Money.Format(c.UntaggableCents)} | {Money.Format(c.UnallocatedCents)} |");
            md.AppendLine();
            return;
        }

        md.AppendLine("| Total | Attributable | Gap | Out of scope | Untaggable | Unallocated |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        md.AppendLine($"| {Money.Format(c.TotalCents)} | {Money.Format(c.AttributableCents)} | {Money.Format(c.GapCents)} | {Money.Format(c.OutOfScopeCents)} | {Money.Format(c.UntaggableCents)} | {Money.Format(c.UnallocatedCents)} |");
        md.AppendLine();
    }

    /// <summary>Keeps user text from breaking tables or adding markup.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
