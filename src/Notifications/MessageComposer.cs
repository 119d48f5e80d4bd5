using System.Collections.Immutable;
using System.Globalization;
using FinOps.Domain.Costs;
using FinOps.Domain.Notifications;
using FinOps.Domain.Policy;

namespace FinOps.Notifications;

/// <summary>Words for the Domain's digests and summary: every figure is read from them, only formatted here.</summary>
public static class MessageComposer
{
    /// <summary>Most lines a message lists (the rest are counted).</summary>
    public const int MaxLines = 15;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static MessageContent Digest(OwnerDigest digest, string scheduleName, string scanId, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var now = digest.Figures;
        var facts = ImmutableArray.CreateBuilder<(string, string)>();
        facts.Add(("Score", Score(now) + Change(digest.Before is null ? null : now.ScorePercent - digest.Before.ScorePercent, " pts")));
        facts.Add(("Gap", Money.Format(now.GapCents) + (digest.Before is null ? "" : $" ({Signed(digest.GapMovedCents)} since the last digest)")));
        facts.Add(("Violations", Count(now.Violations) + (digest.Before is null ? "" : $" ({Count(digest.NewViolations)} new, {Count(digest.FixedViolations)} fixed)")));
        facts.Add(("Resources", $"{Count(digest.Now.Summary.TotalResources)} ({Count(digest.Now.Summary.InScope)} in scope, {Count(digest.Now.Summary.Compliant)} compliant)"));
        facts.Add(("Spend at stake", Money.Format(digest.Now.SpendAtStakeCents)));
        if (!digest.ExpiringWaivers.IsEmpty)
        {
            var first = digest.ExpiringWaivers[0];
            facts.Add(("Waivers expiring soon", $"{Count(digest.ExpiringWaivers.Length)} waived violations come back, the first on {Day(first.WaivedUntil!.Value)} ({first.ResourceName ?? first.Arn}, {first.TagKey})"));
        }

        var lines = digest.Violations
            .Take(MaxLines)
            .Select(v => $"{v.ResourceName ?? v.Arn} ({v.Region}): {v.Message}; "
                + (v.WaivedUntil is { } until ? $"waived until {Day(until)}" : $"{Money.Format(v.CostAtStakeCents)} at stake"))
            .ToList();
        More(lines, digest.Violations.Length);
        var title = $"FinOps digest for {digest.Owner.Name}: score {Score(now)}, gap {Money.Format(now.GapCents)}";
        return new MessageContent("owner_digest", title, title, facts.ToImmutable(),
            digest.Violations.IsEmpty ? null : "Your violations, highest cost at stake first", [.. lines], Footer(scheduleName, scanId, asOf));
    }

    public static MessageContent Summary(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var now = summary.Now;
        var facts = ImmutableArray.CreateBuilder<(string, string)>();
        facts.Add(("Score", Score(now) + Change(summary.ScoreMovedPoints, " pts")));
        facts.Add(("Gap", Money.Format(now.GapCents) + (summary.GapMovedCents is { } moved ? $" ({Signed(moved)} since the previous run)" : "")));
        facts.Add(("Violations", Count(now.Violations)));
        facts.Add(("New violations", Count(summary.NewViolations.Length) + (summary.Before is null ? " (first run)" : "")));
        facts.Add(("Owners", Count(summary.Owners)));
        facts.Add(("Failed regions", summary.FailedRegions.IsEmpty ? "none" : string.Join(", ", summary.FailedRegions.Select(f => $"{f.Region} ({f.Reason})"))));
        var lines = summary.NewViolations
            .Take(MaxLines)
            .Select(v => $"{v.Name ?? v.Arn} ({v.Region}, {v.Owner}): {v.Detail.Message}; {Money.Format(v.CostAtStakeCents)} at stake")
            .ToList();
        More(lines, summary.NewViolations.Length);
        var title = $"FinOps summary of {summary.ScheduleName}: score {Score(now)}, gap {Money.Format(now.GapCents)}";
        return new MessageContent("finops_summary", title, title, facts.ToImmutable(),
            summary.NewViolations.IsEmpty ? null : "New violations, highest cost at stake first", [.. lines],
            Footer(summary.ScheduleName, summary.ScanId, summary.AsOf));
    }

    /// <summary>The message of the panel's "Send a test".</summary>
    public static MessageContent Test(string channel, string requestedBy, DateTimeOffset at) =>
        new("test", "FinOps test message", "FinOps test message",
            [("Channel", channel), ("Requested by", requestedBy), ("At", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture))],
            null, [], "Sent from the FinOps Tag Compliance Dashboard to check this channel.");

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Culture);

    private static string Footer(string schedule, string scanId, DateTimeOffset asOf) =>
        $"Schedule {schedule} · scan {scanId} · data as of {asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture)}";

    private static void More(List<string> lines, int total)
    {
        if (total > MaxLines)
        {
            lines.Add($"… and {Count(total - MaxLines)} more");
        }
    }

    private static string Score(FigureSnapshot figures) =>
        figures.NothingInScope ? "n/a (nothing in scope)" : figures.ScorePercent.ToString("0.0", Culture) + "%";

    private static string Change(double? points, string unit) =>
        points is { } p ? $" ({(p >= 0 ? "+" : "−")}{Math.Abs(Math.Round(p, 1)).ToString("0.0", Culture)}{unit})" : "";

    private static string Signed(long cents) => (cents >= 0 ? "+" : "−") + Money.Format(Math.Abs(cents));

    private static string Count(int n) => n.ToString("#,##0", Culture);
}
