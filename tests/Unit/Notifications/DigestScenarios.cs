using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Notifications;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Domain.Schedules;

namespace FinOps.Tests.Unit.Notifications;

/// <summary>Scheduled runs and drifts made from test results, for the digest tests.</summary>
internal static class DigestScenarios
{
    public static ScheduledRun Run(ComplianceResult result, string? previous = "scan-before") =>
        new("nightly", "Nightly audit", new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero), false, ScanScope.Everything,
            result.ScanId, previous, result);

    /// <summary>A drift in which the chosen resources changed: their current violations are new.</summary>
    public static DriftReport Drift(IEnumerable<EvaluatedResource> changed, bool fixedOnly = false) =>
        new(null!, null!, [.. changed.Select(r => new ResourceDrift(r.Arn, r.Type, r.Region, r.Resource.Name, ResourceDriftKind.Changed, [],
            fixedOnly ? [] : r.Violations, fixedOnly ? r.Violations : [], r.CostAtStakeCents, r.CostAtStakeCents))]);

    public static RunDigests Build(ComplianceResult result, OwnerDirectory directory, bool withBefore, DriftReport? drift, NotificationRules? rules = null) =>
        DigestBuilder.Build(Run(result), OwnerReport.From(result, directory), withBefore ? OwnerReport.From(result, directory) : null, drift, rules ?? NotificationRules.Default);

    public static ImmutableArray<EvaluatedResource> Every(ComplianceResult result, int step) =>
        [.. result.Resources.Where((_, i) => step > 0 && i % step == 0)];
}
