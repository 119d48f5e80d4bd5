using FinOps.Aws.Sample;
using FinOps.Domain.Costs;
using FinOps.Domain.Resources;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Sample;

public class SampleAccountPropertyTests
{
    // Small accounts keep a hundred cases fast; the structure (every region, type, line) is the same at any size.
    private static readonly Gen<(int Seed, int Size)> Accounts =
        from seed in Gen.Choose(0, int.MaxValue)
        from size in Gen.Choose(0, 400)
        select (seed, size);

    private static readonly Gen<BillingPeriod> Periods =
        Gen.OneOf(
            from year in Gen.Choose(2024, 2026)
            from month in Gen.Choose(1, 12)
            select BillingPeriod.Month(year, month),
            from start in Gen.Choose(0, 900)
            from days in Gen.Choose(1, 120)
            select new BillingPeriod(new DateOnly(2024, 1, 1).AddDays(start), new DateOnly(2024, 1, 1).AddDays(start + days), BillingPeriodKind.Custom));

    [Property(MaxTest = 100)]
    public Property Sample_account_is_identical_for_the_same_seed_and_size() =>
        Prop.ForAll(Accounts.ToArbitrary(), async account =>
        {
            var first = await Snapshot(account.Seed, account.Size);
            var second = await Snapshot(account.Seed, account.Size);
            return first.SequenceEqual(second);
        });

    [Property(MaxTest = 100)]
    public Property Sample_account_differs_for_another_seed() =>
        Prop.ForAll(Accounts.Select(a => (a.Seed, Size: a.Size + 1)).ToArbitrary(), async account =>
        {
            var first = await Snapshot(account.Seed, account.Size);
            var other = await Snapshot(account.Seed == int.MaxValue ? 0 : account.Seed + 1, account.Size);
            return !first.SequenceEqual(other);
        });

    [Property(MaxTest = 100)]
    public Property Every_taggable_cost_line_is_the_sum_of_the_measured_costs_of_the_resources_billed_under_it() =>
        Prop.ForAll(Accounts.ToArbitrary(), Periods.ToArbitrary(), async (account, period) =>
        {
            var sample = SampleInventory.Account(account.Seed, account.Size);
            var resources = await SampleInventory.ListAllAsync(sample, ResourceCatalogue.CostGenerating);
            var costs = await new SampleCostSource(sample).GetCostsAsync(
                new CostQuery(period, CostMetric.Unblended, []), CancellationToken.None);

            var measured = costs.MeasuredResourceCosts;
            var billed = resources
                .GroupBy(r => (ResourceCatalogue.Get(r.Type).CostService!, r.Region))
                .ToDictionary(g => g.Key, g => g.Sum(r => measured[r.Arn]));

            var everyResourceMeasured = resources.All(r => measured.ContainsKey(r.Arn)) && measured.Count == resources.Count;
            var linesUnique = costs.Lines.Select(l => (l.Service, l.Region)).Distinct().Count() == costs.Lines.Length;
            var linesMatch = costs.Lines
                .Where(l => !ResourceCatalogue.IsUntaggable(l.Service) && !ResourceCatalogue.TypesCostingUnder(l.Service).IsEmpty)
                .All(l => billed.GetValueOrDefault((l.Service, l.Region)) == l.AmountCents);
            var everyGroupHasItsLine = billed.Keys.All(k => costs.Lines.Any(l => (l.Service, l.Region) == k));
            return everyResourceMeasured && linesUnique && linesMatch && everyGroupHasItsLine
                && costs.Lines.All(l => l.AmountCents >= 0);
        });

    private static async Task<List<string>> Snapshot(int seed, int size)
    {
        var account = SampleInventory.Account(seed, size);
        var resources = await SampleInventory.ListAllAsync(account);
        var costs = await new SampleCostSource(account).GetCostsAsync(
            new CostQuery(BillingPeriod.Month(2026, 10), CostMetric.Unblended, [UntaggedSpendScope.EveryTaggableService("Owner")]), CancellationToken.None);
        return
        [
            .. resources.Select(SampleInventory.Fingerprint),
            .. costs.MeasuredResourceCosts.Select(c => $"{c.Key}={c.Value}"),
            .. costs.Lines.Select(l => $"{l.Service}|{l.Region}|{l.AmountCents}"),
            .. costs.UntaggedByTagKey.Select(u => u.ToString()),
        ];
    }
}
