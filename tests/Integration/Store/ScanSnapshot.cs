using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;

namespace FinOps.Tests.Integration.Store;

/// <summary>One scan of a <see cref="HistoryScenario"/>: its outcome, the state and whole-account view right after it, and its archive.</summary>
public sealed record ScanSnapshot(ScanOutcome Outcome, AccountState State, ComplianceResult View, ScanArchive Archive, DateTimeOffset At)
{
    public string ScanId => Outcome.ScanId;
}
