using FinOps.Domain.History;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using FinOps.Web.Mcp.Answers;

namespace FinOps.Web.Mcp;

/// <summary>Shapes history (kept scans, trends, drift) into tool answers. Only copies and spells figures; never computes one.</summary>
public static class McpHistoryAnswers
{
    public static HistoryFiguresAnswer Figures(TrendFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new HistoryFiguresAnswer(f.Measured, f.Score, f.ScorePercent, f.NothingInScope,
            f.Measured ? Domain.Costs.Money.ToUsd(f.GapCents) : null, f.GapCents, f.Violations, f.ErrorViolations, f.InScope,
            f.Compliant, f.TotalResources, Domain.Costs.Money.ToUsd(f.TotalSpendCents));
    }

    public static StoredScanAnswer Scan(StoredScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var r = scan.Record;
        return new StoredScanAnswer(r.ScanId, r.StartedAt.ToUniversalTime(), r.CompletedAt.ToUniversalTime(), ReportFormat.Status(r.Status),
            McpAnswers.List(r.Regions), McpAnswers.List(r.ResourceTypes), r.PolicyVersion, r.PolicyHash, McpAnswers.List(r.Notes),
            [.. McpAnswers.List(r.Units).Where(u => u.Status != RegionScanStatus.Succeeded)
                .Select(u => $"{u.Region}/{u.ResourceType}: {u.FailureReason ?? ReportFormat.Status(u.Status)}")],
            scan.Overall is { } overall ? Figures(overall) : null);
    }

    public static HistoryPointAnswer Point(TrendPoint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new HistoryPointAnswer(p.ScanId, p.At.ToUniversalTime(), p.PolicyVersion, p.PolicyHash, Figures(p.Figures));
    }

    public static PolicyAnnotationAnswer PolicyChange(PolicyChangePoint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new PolicyAnnotationAnswer(c.ScanId, c.At.ToUniversalTime(), c.FromVersion, c.ToVersion, c.PolicyHash,
            $"The tagging policy changed from version {c.FromVersion} to {c.ToVersion} with scan {c.ScanId}: figures from here on are judged by the new policy, so the score can move without any resource changing.");
    }

    public static DriftScanAnswer Side(StoredScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var r = scan.Record;
        return new DriftScanAnswer(r.ScanId, r.CompletedAt.ToUniversalTime(), r.PolicyVersion, r.PolicyHash);
    }

    public static ResourceDriftAnswer Resource(ResourceDrift d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new ResourceDriftAnswer(d.Arn, d.ResourceType, d.Region, d.Name, DriftCsvWriter.KindName(d.Kind),
            [.. McpAnswers.List(d.Tags).Select(t => new TagChangeAnswer(t.Key, t.Kind, t.Before, t.After))],
            [.. McpAnswers.List(d.NewViolations).Select(McpAnswers.TagViolation)],
            [.. McpAnswers.List(d.FixedViolations).Select(McpAnswers.TagViolation)],
            Domain.Costs.Money.ToUsd(d.GapBeforeCents), Domain.Costs.Money.ToUsd(d.GapAfterCents), Domain.Costs.Money.ToUsd(d.GapMovedCents));
    }
}
