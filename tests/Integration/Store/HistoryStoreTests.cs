using System.Collections.Immutable;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Store;

namespace FinOps.Tests.Integration.Store;

/// <summary>The history store's behaviour, on SQLite and on PostgreSQL.</summary>
public sealed class HistoryStoreTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly ImmutableArray<string> Every = [];

    /// <summary>Ten resources; a full scan, a one-region rescan with a tag change, then a full scan where ap-south-1 fails.</summary>
    private static HistoryScenario Scenario(params ScanStep[] steps) =>
        HistoryScenario.Build([0, 8, 15, 22, 29, 36, 43, 50, 57, 64], steps.Length > 0 ? steps :
        [
            Step(Every),
            Step(["eu-west-1"], edits: [new AccountEdit(AccountEditKind.Retag, 0, 3)]),
            Step(Every, failing: ["ap-south-1"], edits: [new AccountEdit(AccountEditKind.Remove, 4, 0), new AccountEdit(AccountEditKind.Add, 0, 700)]),
        ]);

    private static ScanStep Step(ImmutableArray<string> regions, ImmutableArray<string> failing = default, ImmutableArray<AccountEdit> edits = default,
        bool costFails = false, int minutes = 60) =>
        new(regions, IncludeGlobal: true, [.. HistoryScenario.Types], failing.IsDefault ? [] : failing, false, costFails,
            edits.IsDefault ? [] : edits, minutes, CostSeed: 1);

    private async Task<ScanHistoryStore> SavedAsync(StoreKind kind, HistoryScenario scenario)
    {
        var store = await databases.FreshAsync(kind);
        foreach (var scan in scenario.Scans)
        {
            await store.SaveAsync(scan.Archive, default);
        }

        return store;
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Saved_scans_read_back_as_the_state_folded_in_memory(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);

        Assert.Null(StateDifference.Of(scenario.Scans[^1].State, (await store.LoadStateAsync(null, default))!));
        foreach (var scan in scenario.Scans)
        {
            Assert.Null(StateDifference.Of(scan.State, (await store.LoadStateAsync(scan.ScanId, default))!));
        }
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Empty_store_and_unknown_scan_have_no_state(StoreKind kind)
    {
        var store = await databases.FreshAsync(kind);
        Assert.Null(await store.LoadStateAsync(null, default));
        Assert.Empty((await store.ListScansAsync(10, null, default)).Scans);

        await store.SaveAsync(Scenario().Scans[0].Archive, default);
        Assert.Null(await store.LoadStateAsync("no-such-scan", default));
        Assert.Null(await store.FindScanAsync("no-such-scan", default));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Saving_the_same_scan_again_changes_nothing(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);
        var rows = await RowCountsAsync(store);

        await store.SaveAsync(scenario.Scans[1].Archive, default);
        await store.SaveAsync(scenario.Scans[^1].Archive, default);

        Assert.Equal(rows, await RowCountsAsync(store));
        Assert.Null(StateDifference.Of(scenario.Scans[^1].State, (await store.LoadStateAsync(null, default))!));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Unchanged_resource_costs_a_reference_and_spend_and_policy_are_kept_once(StoreKind kind)
    {
        var scenario = Scenario(Step(Every), Step(Every), Step(Every));
        var store = await SavedAsync(kind, scenario);
        var resources = scenario.Scans[0].Archive.Resources.Count;

        Assert.Equal(resources, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM observations"));
        Assert.Equal(3 * resources, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM scan_observations"));
        Assert.Equal(1, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM cost_snapshots"));
        Assert.Equal(1, await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM policies"));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Policy_reads_back_by_its_hash(StoreKind kind)
    {
        var store = await SavedAsync(kind, Scenario());

        var policy = await store.FindPolicyAsync(HistoryScenario.Policy.ContentHash, default);

        Assert.NotNull(policy);
        Assert.Equal(HistoryScenario.Policy.ContentHash, policy.ContentHash);
        Assert.Equal("store-test", policy.Version);
        Assert.Null(await store.FindPolicyAsync(new string('0', 64), default));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Scans_are_listed_newest_first_a_page_at_a_time(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);

        var first = await store.ListScansAsync(2, null, default);
        var second = await store.ListScansAsync(2, first.NextCursor, default);

        Assert.Equal(["scan-3", "scan-2"], first.Scans.Select(s => s.Record.ScanId));
        Assert.Equal(["scan-1"], second.Scans.Select(s => s.Record.ScanId));
        Assert.Null(second.NextCursor);
        Assert.Equal(scenario.Scans[^1].Archive.Figures.AsEnumerable(), first.Scans[0].Figures);
        Assert.Equal(DataQualityStatus.Partial, first.Scans[0].Record.Status);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Bad_page_arguments_are_refused_saying_what_is_accepted(StoreKind kind)
    {
        var store = await databases.FreshAsync(kind);

        var cursor = await Assert.ThrowsAsync<ArgumentException>(() => store.ListScansAsync(10, "not-a-cursor", default));
        var limit = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListScansAsync(0, null, default));
        var compare = await Assert.ThrowsAsync<ArgumentException>(() => store.CompareAsync("nope", "nope", default));

        Assert.Contains("pass the next cursor of the previous page", cursor.Message);
        Assert.Contains("between 1 and 500", limit.Message);
        Assert.Contains("'nope' is not in history", compare.Message);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Compare_returns_only_the_resources_that_changed(StoreKind kind)
    {
        var scenario = Scenario(
            Step(Every),
            Step(Every, edits: [new AccountEdit(AccountEditKind.Retag, 1, 4), new AccountEdit(AccountEditKind.Remove, 2, 0), new AccountEdit(AccountEditKind.Add, 0, 50)]));
        var store = await SavedAsync(kind, scenario);
        var before = scenario.Scans[0].Archive.Resources.Select(r => r.Arn).ToHashSet();
        var after = scenario.Scans[1].Archive.Resources.Select(r => r.Arn).ToHashSet();

        var changes = await store.CompareAsync("scan-1", "scan-2", default);
        var backwards = await store.CompareAsync("scan-2", "scan-1", default);

        Assert.Equal(3, changes.Count);
        Assert.Single(changes, c => c.Before is not null && c.After is not null && !c.Before.Tags.SequenceEqual(c.After.Tags));
        Assert.Single(changes, c => c.After is null && !after.Contains(c.Arn));
        Assert.Single(changes, c => c.Before is null && !before.Contains(c.Arn));
        Assert.Equal(changes.Select(c => (c.Arn, c.Before?.Tags.Length, c.After?.Tags.Length)), backwards.Select(c => (c.Arn, c.After?.Tags.Length, c.Before?.Tags.Length)));
        Assert.Empty(await store.CompareAsync("scan-2", "scan-2", default));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Trend_reads_one_dimension_and_its_keys_in_a_window_oldest_first(StoreKind kind)
    {
        var scenario = Scenario();
        var store = await SavedAsync(kind, scenario);
        var window = new TrendQuery(FigureDimension.Region, ["eu-west-1"], scenario.Scans[1].At, scenario.Scans[^1].At);

        var points = await store.ReadTrendAsync(window, default);

        Assert.Equal(["scan-2", "scan-3"], points.Select(p => p.ScanId));
        Assert.All(points, p => Assert.Equal("eu-west-1", p.Figures.Key));
        Assert.Equal(scenario.Scans[1].Archive.Figures.Single(f => f.Dimension == FigureDimension.Region && f.Key == "eu-west-1"), points[0].Figures);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Compaction_drops_old_detail_but_keeps_records_trends_and_every_kept_state(StoreKind kind)
    {
        // Day 1 every region, day 2 only eu-west-1 (tags changed), day 3 only us-east-1: the state after day 3 still shows
        // ap-south-1 as day 1 saw it, so day 1's listing of ap-south-1 must outlive day 1's compaction.
        var scenario = Scenario(
            Step(Every),
            Step(["eu-west-1"], edits: [new AccountEdit(AccountEditKind.Retag, 0, 3), new AccountEdit(AccountEditKind.Retag, 1, 3)], minutes: 1440),
            Step(["us-east-1"], minutes: 1440));
        var store = await SavedAsync(kind, scenario);

        var outcome = await store.CompactAsync(scenario.Scans[2].At.AddHours(-1), default);

        Assert.Equal(2, outcome.ScansCompacted);
        Assert.True(outcome.ObservationsRemoved > 0);
        Assert.Null(StateDifference.Of(scenario.Scans[2].State, (await store.LoadStateAsync(null, default))!));
        Assert.Null(await store.LoadStateAsync("scan-1", default));
        Assert.NotNull(await store.FindScanAsync("scan-1", default));
        Assert.Equal(3, (await store.ReadTrendAsync(new TrendQuery(FigureDimension.Overall, [], scenario.Scans[0].At, scenario.Scans[2].At), default)).Count);
        await Assert.ThrowsAsync<ArgumentException>(() => store.CompareAsync("scan-1", "scan-3", default));

        var again = await store.CompactAsync(scenario.Scans[2].At.AddHours(-1), default);
        Assert.Equal(new CompactionOutcome(0, 0), again);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Compaction_never_removes_the_current_state(StoreKind kind)
    {
        var scenario = Scenario(Step(Every), Step(Every, edits: [new AccountEdit(AccountEditKind.Retag, 3, 2)]));
        var store = await SavedAsync(kind, scenario);

        var outcome = await store.CompactAsync(scenario.Scans[^1].At.AddDays(30), default);

        Assert.Equal(1, outcome.ScansCompacted);
        Assert.Null(StateDifference.Of(scenario.Scans[^1].State, (await store.LoadStateAsync(null, default))!));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Store_written_by_a_newer_version_is_refused_untouched(StoreKind kind)
    {
        var database = await databases.NewDatabaseAsync(kind);
        using (var store = new ScanHistoryStore(database))
        {
            await store.MigrateAsync(default);
        }

        await StoreDatabases.ScalarAsync(database,
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");
        using var newer = new ScanHistoryStore(database);

        var refused = await Assert.ThrowsAsync<HistoryUnavailableException>(() => newer.LoadStateAsync(null, default));

        Assert.Contains("newer version of FinOps", refused.Message);
        Assert.Contains("29990101000000_FromTheFuture", refused.Message);
        Assert.False((await newer.CheckAsync(default)).Reachable);
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Store_from_an_older_version_is_migrated(StoreKind kind)
    {
        var database = await databases.NewDatabaseAsync(kind);
        var known = SchemaMigrator.Known(database);
        await SchemaMigrator.MigrateToAsync(database, known[0], default);
        using var store = new ScanHistoryStore(database);

        await store.SaveAsync(Scenario().Scans[0].Archive, default);

        Assert.Equal(known.Count, await StoreDatabases.ScalarAsync(database, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.NotNull(await store.LoadStateAsync(null, default));
    }

    [Theory, SqliteStore, PostgresStore]
    public async Task Health_check_says_where_the_database_is(StoreKind kind)
    {
        var store = await databases.FreshAsync(kind);

        var health = await store.CheckAsync(default);

        Assert.True(health.Reachable);
        Assert.Equal(kind == StoreKind.Sqlite ? "SQLite" : "PostgreSQL", health.Provider);
        Assert.StartsWith(kind == StoreKind.Sqlite ? "SQLite at /" : "PostgreSQL at ", health.Detail);
    }

    [Fact]
    public async Task Unreachable_postgres_is_reported_for_people_without_the_password()
    {
        using var store = new ScanHistoryStore(HistoryDatabase.Postgres("Host=127.0.0.1;Port=9;Database=finops;Username=finops;Password=s3cret-pw;Timeout=3"));

        var failure = await Assert.ThrowsAsync<HistoryUnavailableException>(() => store.LoadStateAsync(null, default));
        var health = await store.CheckAsync(default);

        Assert.StartsWith("The history database (PostgreSQL at 127.0.0.1:9/finops) could not be used", failure.Message);
        Assert.DoesNotContain("s3cret", failure.Message);
        Assert.DoesNotContain("Exception", failure.Message);
        Assert.False(health.Reachable);
        Assert.DoesNotContain("s3cret", health.Detail);
    }

    [Fact]
    public async Task Sqlite_file_that_cannot_be_created_is_reported_for_people()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            using var store = new ScanHistoryStore(HistoryDatabase.Sqlite($"Data Source={Path.Combine(blocker, "data", "finops.db")}"));

            var failure = await Assert.ThrowsAsync<HistoryUnavailableException>(() => store.SaveAsync(Scenario().Scans[0].Archive, default));

            Assert.StartsWith($"The history database (SQLite at {Path.Combine(blocker, "data", "finops.db")}) could not be used", failure.Message);
            Assert.DoesNotContain("Exception", failure.Message);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    private static async Task<(long, long, long, long, long)> RowCountsAsync(ScanHistoryStore store) => (
        await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM scans"),
        await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM observations"),
        await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM scan_observations"),
        await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM unit_outcomes"),
        await StoreDatabases.ScalarAsync(store.Database, "SELECT COUNT(*) FROM trend_points"));
}
