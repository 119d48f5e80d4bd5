using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Resources;
using FinOps.Store;
using FinOps.Store.History;
using Microsoft.EntityFrameworkCore;

namespace FinOps.Tests.Integration.Store;

/// <summary>One resource's history read from the store and folded into a timeline, on SQLite and on PostgreSQL.</summary>
public sealed class ResourceHistoryTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly ImmutableArray<string> Every = [];

    /// <summary>
    /// Ten resources over six scans: resource 0 is retagged three times (back to an earlier set once), resource 3 changes
    /// state, and a one-region rescan leaves the other regions' resources out of one scan.
    /// </summary>
    private static HistoryScenario Scenario() =>
        HistoryScenario.Build([0, 8, 15, 22, 29, 36, 43, 50, 57, 64],
        [
            Step(Every),
            Step(Every, [new AccountEdit(AccountEditKind.Retag, 0, 1)]),
            Step(Every),
            Step(["eu-west-1"], [new AccountEdit(AccountEditKind.Retag, 0, 2), new AccountEdit(AccountEditKind.Restate, 3, 2)]),
            Step(Every, [new AccountEdit(AccountEditKind.Retag, 0, 1)]),
            Step(Every),
        ]);

    private static ScanStep Step(ImmutableArray<string> regions, ImmutableArray<AccountEdit> edits = default) =>
        new(regions, IncludeGlobal: true, [.. HistoryScenario.Types], [], false, false, edits.IsDefault ? [] : edits, 60, CostSeed: 1);

    private async Task<ScanHistoryStore> SavedAsync(StoreKind kind, HistoryScenario scenario)
    {
        var store = await databases.FreshAsync(kind);
        foreach (var scan in scenario.Scans)
        {
            await store.SaveAsync(scan.Archive, default);
        }

        return store;
    }

    /// <summary>The scans of the scenario that listed the resource, newest first, as folded in memory.</summary>
    private static List<ResourceObservation> InMemory(HistoryScenario scenario, string arn) =>
        [.. scenario.Scans.Reverse()
            .SelectMany(s => s.Outcome.Evaluations.Where(e => e.Resource.Arn == arn)
                .Select(e => new ResourceObservation(s.ScanId, s.Outcome.CompletedAt, HistoryScenario.Policy.ContentHash, e.Resource)))];

    private static ResourceTimeline Fold(string arn, IReadOnlyList<ResourceObservation> observations) =>
        ResourceTimeline.Fold(arn, observations, null, _ => HistoryScenario.Evaluator);

    [Theory, SqliteStore, PostgresStore]
    public async Task Every_resource_reads_back_the_scans_that_listed_it_as_folded_in_memory(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);

        var arns = scenario.Scans.SelectMany(s => s.Outcome.Evaluations).Select(e => e.Resource.Arn).Distinct().ToList();
        Assert.Equal(10, arns.Count);
        foreach (var arn in arns)
        {
            var expected = InMemory(scenario, arn);
            var read = await store.ReadResourceHistoryAsync(arn, 50, default);

            Assert.Equal(expected.Select(o => (o.ScanId, o.At, o.PolicyHash)), read.Select(o => (o.ScanId, o.At, o.PolicyHash)));
            Assert.All(expected.Zip(read), pair => AssertSame(pair.First.Resource, pair.Second.Resource));
        }
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_retagged_resource_has_an_entry_per_tag_set_each_saying_what_changed(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);
        var arn = scenario.Scans[0].Outcome.Evaluations[0].Resource.Arn;
        var expected = InMemory(scenario, arn);

        var timeline = Fold(arn, await store.ReadResourceHistoryAsync(arn, 50, default));

        // Tag sets: none (scan 1), CostCenter CC-100 (scans 2-3), CC-200 and an owner (scan 4), CC-100 again (scans 5-6).
        Assert.Equal(Fold(arn, expected), timeline, TimelineComparer.Instance);
        Assert.Equal([("scan-5", "scan-6"), ("scan-4", "scan-4"), ("scan-2", "scan-3"), ("scan-1", "scan-1")],
            timeline.Entries.Select(e => (e.FirstScanId, e.LastScanId)));
        Assert.Equal([new TagChange("CostCenter", "CC-200", "CC-100"), new TagChange("Owner", "team-a@example.com", null)],
            timeline.Entries[0].TagChanges.AsEnumerable());
        Assert.Equal([new TagChange("CostCenter", null, "CC-100")], timeline.Entries[2].TagChanges.AsEnumerable());
        Assert.Equal(expected.Count, timeline.ScansRead);
        Assert.False(timeline.HasEarlier);
        var oldest = timeline.Entries[^1];
        Assert.True(oldest.IsFirst);
        Assert.Empty(oldest.TagChanges);
        Assert.Equal("scan-1", oldest.FirstScanId);
        var newest = timeline.Entries[0];
        Assert.Equal("scan-6", newest.LastScanId);
        Assert.Equal(scenario.Scans[^1].At, newest.To);
        Assert.Equal(2, newest.Scans);
        Assert.Equal(timeline.Entries.Sum(e => e.Scans), expected.Count);
        // Verdicts come from the policy: variant 1 (CostCenter CC-100) complies wherever the policy applies.
        Assert.All(timeline.Entries, e => Assert.Equal(HistoryScenario.Evaluator.Evaluate(e.Resource).Violations.AsEnumerable(), e.Violations.AsEnumerable()));
        Assert.Equal([false, true, true, true], timeline.Entries.Reverse().Select(e => e.Verdict.Compliant));
        // Consecutive entries always differ.
        Assert.All(timeline.Entries.Skip(1).Zip(timeline.Entries), p => Assert.False(
            p.First.Verdict == p.Second.Verdict && p.Second.TagChanges.IsEmpty && p.Second.StateChange is null && p.Second.NameChange is null));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_resource_unchanged_across_scans_reads_as_one_entry(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);
        var arn = scenario.Scans[0].Outcome.Evaluations[1].Resource.Arn;

        var timeline = Fold(arn, await store.ReadResourceHistoryAsync(arn, 50, default));

        var entry = Assert.Single(timeline.Entries);
        Assert.Equal(InMemory(scenario, arn).Count, entry.Scans);
        Assert.Equal("scan-1", entry.FirstScanId);
        Assert.Equal("scan-6", entry.LastScanId);
        Assert.Equal(scenario.Scans[0].At, entry.From);
        Assert.Equal(scenario.Scans[^1].At, entry.To);
        Assert.True(entry.IsFirst);
        Assert.Empty(entry.TagChanges);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task An_unknown_arn_has_no_history_and_the_limit_keeps_the_newest(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);
        var arn = scenario.Scans[0].Outcome.Evaluations[1].Resource.Arn;

        Assert.Empty(await store.ReadResourceHistoryAsync("arn:aws:ec2:eu-west-1:123456789012:instance/i-nope", 50, default));
        Assert.Empty(Fold("arn:aws:ec2:eu-west-1:123456789012:instance/i-nope", []).Entries);
        Assert.Equal(InMemory(scenario, arn).Take(2).Select(o => o.ScanId), (await store.ReadResourceHistoryAsync(arn, 2, default)).Select(o => o.ScanId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadResourceHistoryAsync(arn, 0, default));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ReadResourceHistoryAsync(arn, ScanHistoryStore.MaxResourceHistory + 1, default));
    }

    [Theory, SqliteStore]
    public async Task On_sqlite_the_read_is_index_lookups_never_a_table_scan(StoreKind kind)
    {
        var store = await SavedAsync(kind, Scenario());
        await using var db = store.Database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ResourceHistoryReader.Sql;
        foreach (var (name, value) in new (string, object)[] { ("@arn", "arn:x"), ("@limit", 50) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var text = string.Join(" | ", plan);
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal));
        Assert.Contains("ix_resources_arn", text, StringComparison.Ordinal);
        Assert.Contains("ix_observations_resource_id", text, StringComparison.Ordinal);
        Assert.Contains("COVERING INDEX ix_scan_observations_observation_scan", text, StringComparison.Ordinal);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task A_store_upgraded_from_the_first_schema_reads_resource_history_and_sqlite_tables_stay_without_rowid(StoreKind kind)
    {
        var database = await databases.NewDatabaseAsync(kind);
        await SchemaMigrator.MigrateToAsync(database, SchemaMigrator.Known(database)[0], default);
        using var store = new ScanHistoryStore(database);
        var scenario = Scenario();
        foreach (var scan in scenario.Scans)
        {
            await store.SaveAsync(scan.Archive, default);
        }

        var arn = scenario.Scans[0].Outcome.Evaluations[0].Resource.Arn;
        Assert.Equal(InMemory(scenario, arn).Select(o => o.ScanId), (await store.ReadResourceHistoryAsync(arn, 50, default)).Select(o => o.ScanId));
        if (kind == StoreKind.Sqlite)
        {
            Assert.Equal(2, await StoreDatabases.ScalarAsync(database,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('scan_observations', 'unit_outcomes') AND sql LIKE '%WITHOUT ROWID%'"));
            Assert.Equal(3, await StoreDatabases.ScalarAsync(database,
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN " +
                "('ix_resources_arn', 'ix_observations_resource_id', 'ix_scan_observations_observation_scan')"));
        }
        else
        {
            Assert.Equal(3, await StoreDatabases.ScalarAsync(database,
                "SELECT COUNT(*) FROM pg_indexes WHERE indexname IN " +
                "('ix_resources_arn', 'ix_observations_resource_id', 'ix_scan_observations_observation_scan')"));
        }
    }

    private static void AssertSame(CloudResource expected, CloudResource actual)
    {
        Assert.Equal(expected.Tags.AsEnumerable(), actual.Tags.AsEnumerable());
        Assert.Equal(expected with { Tags = [] }, actual with { Tags = [] });
    }

    /// <summary>Timelines equal entry by entry (arrays compared by content).</summary>
    private sealed class TimelineComparer : IEqualityComparer<ResourceTimeline>
    {
        public static readonly TimelineComparer Instance = new();

        public bool Equals(ResourceTimeline? x, ResourceTimeline? y) =>
            x is not null && y is not null && x.Arn == y.Arn && x.ScansRead == y.ScansRead && x.HasEarlier == y.HasEarlier
            && x.Entries.Length == y.Entries.Length && x.Entries.Zip(y.Entries).All(p => Same(p.First, p.Second));

        public int GetHashCode(ResourceTimeline obj) => obj.Arn.GetHashCode(StringComparison.Ordinal);

        private static bool Same(ResourceTimelineEntry a, ResourceTimelineEntry b) =>
            a.From == b.From && a.To == b.To && a.FirstScanId == b.FirstScanId && a.LastScanId == b.LastScanId && a.Scans == b.Scans
            && a.Resource.Tags.SequenceEqual(b.Resource.Tags) && a.Resource with { Tags = [] } == b.Resource with { Tags = [] }
            && a.PolicyHash == b.PolicyHash && a.Verdict == b.Verdict && a.Violations.SequenceEqual(b.Violations)
            && a.TagChanges.SequenceEqual(b.TagChanges) && a.StateChange == b.StateChange && a.NameChange == b.NameChange
            && a.PolicyChanged == b.PolicyChanged && a.IsFirst == b.IsFirst;
    }
}
