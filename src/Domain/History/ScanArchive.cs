using System.Collections.Immutable;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Domain.History;

/// <summary>
/// Everything history keeps of one finished scan: its record, the policy it was judged by, the spend it fetched, what it
/// observed of each resource (the units that succeeded), and the figures of the account state right after it (the trend
/// points). A resource's cost and violations are not stored per scan: they follow exactly from its observation, the
/// policy and the spend, which are (and the store deduplicates each of them).
/// </summary>
/// <param name="Record">The scan's record.</param>
/// <param name="Policy">The policy in force.</param>
/// <param name="Costs">The spend fetched (empty when it failed; see <see cref="ScanRecord.CostFailure"/>).</param>
/// <param name="Resources">Every resource observed in a unit that succeeded, unique by ARN.</param>
/// <param name="Figures">The state's figures after the scan: overall, per region, per type.</param>
public sealed record ScanArchive(
    ScanRecord Record,
    TaggingPolicy Policy,
    CostSnapshot Costs,
    IReadOnlyList<CloudResource> Resources,
    ImmutableArray<TrendFigures> Figures);
