using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Integration.Store;

/// <summary>A generated history: the account's first resources (as variants) and the scans that follow.</summary>
public sealed record HistoryCase(ImmutableArray<int> Initial, ImmutableArray<ScanStep> Steps)
{
    public HistoryScenario Build() => HistoryScenario.Build(Initial, Steps);

    public override string ToString() => $"{Initial.Length} resources [{string.Join(",", Initial)}], scans:{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", Steps);

    private static readonly Gen<AccountEdit> Edit =
        from kind in Gen.Elements(AccountEditKind.Retag, AccountEditKind.Retag, AccountEditKind.Restate, AccountEditKind.Add, AccountEditKind.Remove)
        from target in Gen.Choose(0, 60)
        from variant in Gen.Choose(0, 1000)
        select new AccountEdit(kind, target, variant);

    private static readonly Gen<ScanStep> Step =
        from every in Gen.Frequency((3, Gen.Constant(true)), (2, Gen.Constant(false)))
        from regions in Gen.SubListOf(HistoryScenario.Regions).Where(l => l.Count > 0)
        from includeGlobal in Gen.Elements(true, false)
        from types in Gen.Frequency((2, Gen.Constant(HistoryScenario.Types)), (3, Gen.SubListOf(HistoryScenario.Types).Where(l => l.Count > 0).Select(l => l.ToArray())))
        from failing in Gen.Frequency((3, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(HistoryScenario.Regions).Select(l => l.ToArray())))
        from globalFails in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from costFails in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from editCount in Gen.Choose(0, 4)
        from edits in Gen.ArrayOf(Edit, editCount)
        from minutes in Gen.Choose(0, 2000)
        from costSeed in Gen.Choose(0, 2)
        select new ScanStep(every ? [] : [.. regions], includeGlobal, [.. types], [.. failing], globalFails, costFails, [.. edits], minutes, costSeed);

    /// <summary>Up to 30 resources and 1–6 scans: enough for stale units, failures, reverts and narrower rescans.</summary>
    public static Arbitrary<HistoryCase> Arbitrary() =>
        (from size in Gen.Choose(0, 30)
         from initial in Gen.ArrayOf(Gen.Choose(0, 1000), size)
         from count in Gen.Choose(1, 6)
         from steps in Gen.ArrayOf(Step, count)
         select new HistoryCase([.. initial], [.. steps])).ToArbitrary();
}
