using FinOps.Domain.Scanning;
using FinOps.Tests.Unit.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FinOps.Tests.Unit.Scanning;

public sealed class ResultMemoTests
{
    private static readonly ComplianceResult Result = ReportFixture.Result;

    /// <summary>A second result object (a region view is a result of its own, like a newer scan).</summary>
    private static readonly ComplianceResult Other = ComplianceAggregator.Filter(Result, [Result.Regions[0].Region]);

    /// <summary>What a front door would keep: the figures it read, and which build made them.</summary>
    private sealed record Figures(string Key, double Score, int Violations, int Build);

    private static Func<string, Figures> Builder(ComplianceResult result, List<string> builds) => key =>
    {
        builds.Add(key);
        return new Figures(key, result.Summary.Score, result.Summary.Violations, builds.Count);
    };

    [Fact]
    public void Second_call_with_the_same_key_returns_the_same_figures_without_building_again()
    {
        var memo = new ResultMemo<Figures>();
        var builds = new List<string>();

        var first = memo.GetOrAdd(Result, "severity=error|offset=0", "severity=error|offset=0", Builder(Result, builds));
        var second = memo.GetOrAdd(Result, "severity=error|offset=0", "severity=error|offset=0", Builder(Result, builds));

        Assert.Same(first, second);
        Assert.Equal(Result.Summary.Score, second.Score);
        Assert.Equal(Result.Summary.Violations, second.Violations);
        Assert.Single(builds);
    }

    [Fact]
    public void A_different_filter_is_built_on_its_own_and_does_not_reuse_the_first()
    {
        var memo = new ResultMemo<Figures>();
        var builds = new List<string>();

        var errors = memo.GetOrAdd(Result, "severity=error", "severity=error", Builder(Result, builds));
        var warnings = memo.GetOrAdd(Result, "severity=warning", "severity=warning", Builder(Result, builds));

        Assert.NotSame(errors, warnings);
        Assert.Equal("severity=warning", warnings.Key);
        Assert.Equal(["severity=error", "severity=warning"], builds);
        Assert.Equal(2, memo.Count(Result));
    }

    [Fact]
    public void A_new_result_is_not_served_from_the_old_results_entries()
    {
        var memo = new ResultMemo<Figures>();
        var builds = new List<string>();
        var old = memo.GetOrAdd(Result, "page=1", "page=1", Builder(Result, builds));

        var fresh = memo.GetOrAdd(Other, "page=1", "page=1", Builder(Other, builds));

        Assert.NotSame(old, fresh);
        Assert.Equal(Other.Summary.Violations, fresh.Violations);
        Assert.NotEqual(old.Violations, fresh.Violations);
        Assert.Equal(2, builds.Count);
        Assert.Equal(1, memo.Count(Other));
    }

    [Fact]
    public void Past_the_capacity_the_least_recently_used_value_is_forgotten()
    {
        var memo = new ResultMemo<Figures>(capacityPerResult: 2);
        var builds = new List<string>();
        var build = Builder(Result, builds);
        memo.GetOrAdd(Result, "a", "a", build);
        memo.GetOrAdd(Result, "b", "b", build);
        memo.GetOrAdd(Result, "a", "a", build); // a is now the most recently used

        memo.GetOrAdd(Result, "c", "c", build); // b goes
        memo.GetOrAdd(Result, "a", "a", build);
        memo.GetOrAdd(Result, "b", "b", build); // built again

        Assert.Equal(["a", "b", "c", "b"], builds);
        Assert.Equal(2, memo.Count(Result));
    }

    [Fact]
    public async Task Callers_asking_for_the_same_key_at_once_all_get_one_value()
    {
        var memo = new ResultMemo<Figures>();
        var builds = 0;
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return memo.GetOrAdd(Result, "shared", 0, _ => new Figures("shared", 0, 0, Interlocked.Increment(ref builds)));
        })).ToList();
        start.Set();
        var values = await Task.WhenAll(callers);

        Assert.All(values, v => Assert.Same(values[0], v));
        Assert.Equal(1, memo.Count(Result));
    }

    [Property(MaxTest = 200)]
    public Property Every_lookup_returns_the_value_built_for_its_own_key_and_result_and_a_repeated_lookup_builds_nothing()
    {
        var lookups = Gen.ListOf(Gen.Zip(Gen.Elements(Result, Other), Gen.Elements("p0", "p1", "p2", "p3", "p4")))
            .Select(list => list.ToList());
        return Prop.ForAll(lookups.ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (calls, capacity) =>
        {
            var memo = new ResultMemo<Figures>(capacity);
            var builds = 0;
            (ComplianceResult Result, string Key)? previous = null;
            foreach (var (result, key) in calls)
            {
                var before = builds;
                var value = memo.GetOrAdd(result, key, result, r =>
                {
                    builds++;
                    return new Figures(key, r.Summary.Score, r.Summary.Violations, builds);
                });
                var repeated = previous is { } p && ReferenceEquals(p.Result, result) && p.Key == key;
                if (value.Key != key || value.Violations != result.Summary.Violations || (repeated && builds != before)
                    || memo.Count(result) > capacity)
                {
                    return false;
                }

                previous = (result, key);
            }

            return true;
        });
    }
}
