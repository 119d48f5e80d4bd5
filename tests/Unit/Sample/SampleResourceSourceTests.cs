using FinOps.Aws.Sample;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Time.Testing;

namespace FinOps.Tests.Unit.Sample;

public class SampleResourceSourceTests
{
    private static readonly ResourceTypeInfo Instances = ResourceCatalogue.Get("ec2:instance");
    private static readonly ResourceTypeInfo Volumes = ResourceCatalogue.Get("ec2:volume");
    private static readonly ResourceTypeInfo Functions = ResourceCatalogue.Get("lambda:function");
    private static readonly ResourceTypeInfo Buckets = ResourceCatalogue.Get("s3:bucket");

    private static SampleResourceSource Source(Action<SampleAccountOptions> configure, TimeProvider? time = null)
    {
        var options = SampleInventory.Quiet(size: 1_500);
        configure(options);
        return new SampleResourceSource(new SampleAccount(options, time ?? TimeProvider.System));
    }

    private static async Task<List<IReadOnlyList<CloudResource>>> PagesAsync(IAsyncEnumerable<IReadOnlyList<CloudResource>> listing)
    {
        var pages = new List<IReadOnlyList<CloudResource>>();
        await foreach (var page in listing)
        {
            pages.Add(page);
        }

        return pages;
    }

    [Fact]
    public async Task Pages_hold_at_most_PageSize_resources_and_together_are_the_whole_listing()
    {
        var paged = Source(o => o.PageSize = 7);
        var whole = Source(o => o.PageSize = 1_000);

        var pages = await PagesAsync(paged.ListAsync("us-east-1", Volumes, CancellationToken.None));
        var all = (await PagesAsync(whole.ListAsync("us-east-1", Volumes, CancellationToken.None))).Single();

        Assert.True(pages.Count > 2);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Count));
        Assert.InRange(pages[^1].Count, 1, 7);
        Assert.Equal(all.Select(r => r.Arn), pages.SelectMany(p => p).Select(r => r.Arn));
    }

    [Fact]
    public async Task Failing_region_throws_a_permanent_error_naming_the_region_and_others_still_list()
    {
        var source = Source(o => o.FailingRegions = ["eu-west-3"]);

        var error = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("eu-west-3", Instances, CancellationToken.None)));

        Assert.Equal(SourceFailureKind.Permanent, error.Kind);
        Assert.Contains("eu-west-3", error.Message, StringComparison.Ordinal);
        Assert.Contains("FinOps:Sample:FailingRegions", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await PagesAsync(source.ListAsync("us-east-1", Instances, CancellationToken.None)));
    }

    [Fact]
    public async Task Failing_global_listing_fails_only_global_types()
    {
        var source = Source(o => o.FailingRegions = ["global"]);

        var error = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListGlobalAsync(Buckets, CancellationToken.None)));

        Assert.Equal(SourceFailureKind.Permanent, error.Kind);
        Assert.NotEmpty(await PagesAsync(source.ListAsync("us-east-1", Instances, CancellationToken.None)));
    }

    [Fact]
    public async Task Access_denied_region_names_the_missing_permission()
    {
        var source = Source(o => o.AccessDeniedRegions = ["ap-south-1"]);

        var ec2 = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("ap-south-1", Instances, CancellationToken.None)));
        var tagging = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("ap-south-1", Functions, CancellationToken.None)));

        Assert.Equal(SourceFailureKind.AccessDenied, ec2.Kind);
        Assert.Equal("ec2:DescribeInstances", ec2.MissingPermission);
        Assert.StartsWith("UnauthorizedOperation", ec2.Message, StringComparison.Ordinal);
        Assert.Equal("tag:GetResources", tagging.MissingPermission);
        Assert.Contains("ap-south-1", tagging.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttle_bursts_fail_transiently_then_the_listing_succeeds()
    {
        var source = Source(o => o.ThrottleBursts = 2);
        var expected = (await PagesAsync(Source(_ => { }).ListAsync("us-east-1", Instances, CancellationToken.None))).SelectMany(p => p).Count();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("us-east-1", Instances, CancellationToken.None)));
            Assert.True(error.IsTransient);
            Assert.StartsWith("ThrottlingException: Rate exceeded", error.Message, StringComparison.Ordinal);
        }

        var listed = await PagesAsync(source.ListAsync("us-east-1", Instances, CancellationToken.None));
        Assert.Equal(expected, listed.SelectMany(p => p).Count());

        // Each (region, type) has its own burst, and the next listing meets a new one.
        await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("us-east-1", Volumes, CancellationToken.None)));
        await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("us-east-1", Instances, CancellationToken.None)));
    }

    [Fact]
    public async Task Throttling_can_be_limited_to_some_regions()
    {
        var source = Source(o =>
        {
            o.ThrottleBursts = 1;
            o.ThrottledRegions = ["eu-west-1"];
        });

        Assert.NotEmpty(await PagesAsync(source.ListAsync("us-east-1", Instances, CancellationToken.None)));
        await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("eu-west-1", Instances, CancellationToken.None)));
    }

    [Fact]
    public async Task Region_that_is_not_opted_in_answers_OptInRequired_and_an_unknown_one_a_permanent_error()
    {
        var source = Source(_ => { });

        var optIn = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("af-south-1", Instances, CancellationToken.None)));
        var unknown = await Assert.ThrowsAsync<ResourceSourceException>(() => PagesAsync(source.ListAsync("xx-nowhere-1", Instances, CancellationToken.None)));

        Assert.Equal(SourceFailureKind.OptInRequired, optIn.Kind);
        Assert.Contains("af-south-1", optIn.Message, StringComparison.Ordinal);
        Assert.Equal(SourceFailureKind.Permanent, unknown.Kind);
        Assert.Contains("xx-nowhere-1", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabled_region_without_billable_resources_lists_nothing()
    {
        var source = Source(_ => { });

        Assert.Empty(await PagesAsync(source.ListAsync("ap-northeast-2", Instances, CancellationToken.None)));
    }

    [Fact]
    public async Task Global_and_regional_types_must_use_their_own_listing()
    {
        var source = Source(_ => { });

        await Assert.ThrowsAsync<ArgumentException>(() => PagesAsync(source.ListAsync("us-east-1", Buckets, CancellationToken.None)));
        await Assert.ThrowsAsync<ArgumentException>(() => PagesAsync(source.ListGlobalAsync(Instances, CancellationToken.None)));
    }

    [Fact]
    public async Task Every_page_waits_for_the_simulated_latency()
    {
        var time = new FakeTimeProvider();
        var source = Source(o =>
        {
            o.LatencyMilliseconds = 200;
            o.PageSize = 10;
        }, time);

        await using var pages = source.ListAsync("us-east-1", Instances, CancellationToken.None).GetAsyncEnumerator();
        for (var page = 0; page < 3; page++)
        {
            var next = pages.MoveNextAsync();
            Assert.False(next.IsCompleted);
            time.Advance(TimeSpan.FromMilliseconds(199));
            Assert.False(next.IsCompleted);
            time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(await next);
            Assert.Equal(10, pages.Current.Count);
        }
    }

    [Fact]
    public async Task Slow_region_takes_the_slow_latency_and_others_the_normal_one()
    {
        var time = new FakeTimeProvider();
        var source = Source(o =>
        {
            o.LatencyMilliseconds = 10;
            o.SlowRegions = ["eu-west-1"];
            o.SlowRegionLatencyMilliseconds = 5_000;
        }, time);

        await using var slow = source.ListAsync("eu-west-1", Instances, CancellationToken.None).GetAsyncEnumerator();
        await using var normal = source.ListAsync("us-east-1", Instances, CancellationToken.None).GetAsyncEnumerator();
        var slowPage = slow.MoveNextAsync();
        var normalPage = normal.MoveNextAsync();
        time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.True(await normalPage);
        Assert.False(slowPage.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(4_990));
        Assert.True(await slowPage);
    }

    [Fact]
    public async Task Cancellation_stops_a_listing_while_it_waits_for_a_page()
    {
        var time = new FakeTimeProvider();
        var source = Source(o =>
        {
            o.LatencyMilliseconds = 1_000;
            o.PageSize = 10;
        }, time);
        using var cancellation = new CancellationTokenSource();

        await using var pages = source.ListAsync("us-east-1", Instances, cancellation.Token).GetAsyncEnumerator();
        var first = pages.MoveNextAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await first);
        var second = pages.MoveNextAsync();
        Assert.False(second.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await second);
    }

    [Fact]
    public async Task Region_catalogue_call_has_latency_too()
    {
        var time = new FakeTimeProvider();
        var options = SampleInventory.Quiet(size: 10);
        options.LatencyMilliseconds = 50;
        var catalogue = new SampleRegionCatalogue(new SampleAccount(options, time));

        var regions = catalogue.ListRegionsAsync(CancellationToken.None);
        Assert.False(regions.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(20, (await regions).Count);
    }

    [Fact]
    public async Task Listings_share_one_generated_account()
    {
        var account = SampleInventory.Account(size: 500);
        var first = await PagesAsync(new SampleResourceSource(account).ListAsync("us-east-1", Instances, CancellationToken.None));
        var second = await PagesAsync(new SampleResourceSource(account).ListAsync("us-east-1", Instances, CancellationToken.None));

        Assert.Same(first[0][0], second[0][0]);
    }

    [Fact]
    public async Task Tagged_only_coverage_hides_never_tagged_resources_of_tagging_api_types()
    {
        var complete = Source(_ => { });
        var taggedOnly = Source(o => o.TaggedOnlyCoverage = true);

        var all = (await PagesAsync(complete.ListAsync("us-east-1", Functions, CancellationToken.None))).SelectMany(p => p).ToList();
        var seen = (await PagesAsync(taggedOnly.ListAsync("us-east-1", Functions, CancellationToken.None))).SelectMany(p => p).ToList();
        var instances = (await PagesAsync(taggedOnly.ListAsync("us-east-1", Instances, CancellationToken.None))).SelectMany(p => p).ToList();

        Assert.Equal(Coverage.Complete, complete.CoverageOf(Functions));
        Assert.Equal(Coverage.TaggedOnly, taggedOnly.CoverageOf(Functions));
        Assert.Equal(Coverage.Complete, taggedOnly.CoverageOf(Instances));
        Assert.Equal(all.Where(r => !r.Tags.IsEmpty).Select(r => r.Arn), seen.Select(r => r.Arn));
        Assert.Contains(all, r => r.Tags.IsEmpty);
        Assert.Contains(instances, r => r.Tags.IsEmpty);
    }
}
