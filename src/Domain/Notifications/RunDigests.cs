using System.Collections.Immutable;
using FinOps.Domain.Schedules;

namespace FinOps.Domain.Notifications;

/// <summary>Every message of one scheduled run: a digest per owner and the FinOps summary, with the rules that decide which are sent.</summary>
/// <param name="Run">The run.</param>
/// <param name="Owners">One digest per owner with resources in the run's result, largest gap first.</param>
/// <param name="Summary">The FinOps channel's summary.</param>
/// <param name="Rules">The rules in force.</param>
public sealed record RunDigests(ScheduledRun Run, ImmutableArray<OwnerDigest> Owners, RunSummary Summary, NotificationRules Rules)
{
    /// <summary>The owner digests the rules let through.</summary>
    public IEnumerable<OwnerDigest> ToSend => Owners.Where(d => Rules.Skip(d) is null);

    /// <summary>Whether the summary is sent.</summary>
    public bool SendSummary => Rules.Skip(Summary) is null;
}
