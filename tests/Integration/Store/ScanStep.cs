using System.Collections.Immutable;

namespace FinOps.Tests.Integration.Store;

/// <summary>
/// One scan of a generated history: edits to the account first, then a scan of some regions and types, some of which
/// fail, with or without spend.
/// </summary>
/// <param name="Regions">Regions asked for; empty for every region.</param>
/// <param name="IncludeGlobal">With a region list: whether <c>global</c> is in it.</param>
/// <param name="Types">Type codes asked for.</param>
/// <param name="FailingRegions">Scanned regions whose listing fails.</param>
/// <param name="GlobalFails">Whether listing the global types fails.</param>
/// <param name="CostFails">Whether fetching spend fails.</param>
/// <param name="Edits">Changes to the account before the scan.</param>
/// <param name="MinutesLater">Minutes after the previous scan it finishes.</param>
/// <param name="CostSeed">Chooses the spend figures (few values, so equal snapshots recur).</param>
public sealed record ScanStep(
    ImmutableArray<string> Regions,
    bool IncludeGlobal,
    ImmutableArray<string> Types,
    ImmutableArray<string> FailingRegions,
    bool GlobalFails,
    bool CostFails,
    ImmutableArray<AccountEdit> Edits,
    int MinutesLater,
    int CostSeed)
{
    public override string ToString() =>
        $"[{(Regions.IsEmpty ? "every region" : string.Join(",", Regions) + (IncludeGlobal ? ",global" : ""))}; {string.Join(",", Types)}; " +
        $"failing {string.Join(",", FailingRegions)}{(GlobalFails ? " +global" : "")}{(CostFails ? "; no spend" : "")}; " +
        $"edits {string.Join(" ", Edits)}; +{MinutesLater} min; costs {CostSeed}]";
}
