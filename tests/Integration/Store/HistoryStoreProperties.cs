using FinOps.Domain.History;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Store;
using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Integration.Store;

/// <summary>
/// The store against the product's own fold, over generated histories (random regions, types, failures, spend
/// failures, tag and state edits that also change back), on each provider. Each case starts from an empty store.
/// </summary>
public sealed class HistoryStoreProperties(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private const int Cases = 15;

    [Theory, SqliteStore, PostgresStore]
    public void State_as_of_every_saved_scan_reads_back_as_folded_in_memory(StoreKind kind) => Check(kind, async (store, scenario) =>
    {
        foreach (var scan in scenario.Scans)
        {
            Assert.Null(StateDifference.Of(scan.State, (await store.LoadStateAsync(scan.ScanId, default))!));
        }

        Assert.Null(StateDifference.Of(scenario.Scans[^1].State, (await store.LoadStateAsync(null, default))!));
    });

    [Theory, SqliteStore, PostgresStore]
    public void Compare_applied_to_the_earlier_state_gives_the_later_one(StoreKind kind) => Check(kind, async (store, scenario) =>
    {
        var first = scenario.Scans[0];
        foreach (var (before, after) in scenario.Scans.Zip(scenario.Scans.Skip(1)).Append((scenario.Scans[^1], first)))
        {
            var changes = await store.CompareAsync(before.ScanId, after.ScanId, default);
            var resources = Resources(before).ToDictionary(r => r.Arn);
            foreach (var change in changes)
            {
                Assert.False(StateDifference.Same(change.Before, change.After), $"{change.Arn} is reported although it did not change");
                Assert.True(StateDifference.Same(change.Before, resources.GetValueOrDefault(change.Arn)), $"{change.Arn}: 'before' is not what {before.ScanId}'s state held");
                if (change.After is null)
                {
                    resources.Remove(change.Arn);
                }
                else
                {
                    resources[change.Arn] = change.After;
                }
            }

            Assert.Null(StateDifference.Of(Resources(after), resources.Values));
        }
    });

    [Theory, SqliteStore, PostgresStore]
    public void Unchanged_resources_are_references_and_only_changes_are_stored(StoreKind kind) => Check(kind, async (store, scenario) =>
    {
        // In memory: a resource costs a new observation when it is first seen or differs from its newest saved observation.
        var newest = new Dictionary<string, CloudResource>();
        var expectedObservations = 0;
        var expectedReferences = 0;
        foreach (var scan in scenario.Scans)
        {
            foreach (var resource in scan.Archive.Resources)
            {
                expectedReferences++;
                if (!newest.TryGetValue(resource.Arn, out var previous) || !StateDifference.Same(previous, resource))
                {
                    expectedObservations++;
                    newest[resource.Arn] = resource;
                }
            }
        }

        Assert.Equal(expectedObservations, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM observations"));
        Assert.Equal(expectedReferences, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM scan_observations"));
        Assert.Equal(newest.Count, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM resources"));
    });

    [Theory, SqliteStore, PostgresStore]
    public void Each_stored_trend_point_equals_the_figures_it_was_saved_with(StoreKind kind) => Check(kind, async (store, scenario) =>
    {
        var window = (Since: scenario.Scans[0].At, Until: scenario.Scans[^1].At);
        foreach (var dimension in Enum.GetValues<FigureDimension>())
        {
            var points = await store.ReadTrendAsync(new TrendQuery(dimension, [], window.Since, window.Until), default);
            var expected = scenario.Scans.SelectMany(s => s.Archive.Figures.Where(f => f.Dimension == dimension).Select(f => (s.ScanId, s.At, f))).ToList();
            Assert.Equal(expected.Select(e => (e.ScanId, e.At, e.f)), points.Select(p => (p.ScanId, p.At, p.Figures)));
            Assert.All(points, p => Assert.Equal((HistoryScenario.Policy.Version, HistoryScenario.Policy.ContentHash), (p.PolicyVersion, p.PolicyHash)));
        }

        foreach (var scan in scenario.Scans)
        {
            var stored = await store.FindScanAsync(scan.ScanId, default);
            Assert.NotNull(stored);
            Assert.Equal(scan.Archive.Figures.AsEnumerable(), stored.Figures);
            Assert.Null(StateDifference.Of(scan.Archive.Record, stored.Record));
        }
    });

    [Theory, SqliteStore, PostgresStore]
    public void Every_restored_state_reconciles_to_the_cent_with_the_view_saved_with_it(StoreKind kind) => Check(kind, async (store, scenario) =>
    {
        foreach (var scan in scenario.Scans)
        {
            var restored = HistoryScenario.View((await store.LoadStateAsync(scan.ScanId, default))!, scan.At);
            Assert.True(restored.Costs.Reconciles);
            Assert.Equal(scan.View.Costs, restored.Costs);
            Assert.Equal(scan.View.Summary, restored.Summary);
            Assert.Equal(scan.View.Regions.AsEnumerable(), restored.Regions);
            Assert.Equal(scan.Archive.Figures.AsEnumerable(), ScanArchiveBuilder.Figures(restored));
            Assert.Equal(scan.View.Resources.Select(r => (r.Arn, r.Cost)), restored.Resources.Select(r => (r.Arn, r.Cost)));
        }
    });

    private static IEnumerable<CloudResource> Resources(ScanSnapshot scan) =>
        scan.State.Units.Values.Where(u => u.Observation is not null).SelectMany(u => u.Observation!.Resources);

    /// <summary>Runs a property: each generated history is saved into an empty store, then <paramref name="check"/> reads it back.</summary>
    private void Check(StoreKind kind, Func<ScanHistoryStore, HistoryScenario, Task> check)
    {
        var property = Prop.ForAll(HistoryCase.Arbitrary(), async history =>
        {
            var scenario = history.Build();
            var store = await databases.FreshAsync(kind);
            foreach (var scan in scenario.Scans)
            {
                await store.SaveAsync(scan.Archive, default);
            }

            await check(store, scenario);
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true), property);
    }
}
