using System.Text.Json;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Integration.Live;

public sealed class TaggingApiInventoryTests
{
    private static readonly ResourceTypeInfo Lambda = ResourceCatalogue.Get("lambda:function");

    [Fact]
    public async Task Tagging_api_types_are_listed_over_every_page_with_tags_and_names()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        var pages = await aws.Inventory.ListAsync("us-east-1", Lambda, CancellationToken.None).PagesAsync();

        Assert.Equal(2, pages.Count);
        var functions = pages.SelectMany(p => p).ToList();
        Assert.Equal(["checkout", "thumbnails", "Nightly reports"], functions.Select(f => f.Name));
        Assert.Equal([new Tag("Environment", "production"), new Tag("Owner", "bob@example.com")], functions[0].Tags.ToArray());
        Assert.All(functions, f => Assert.Equal(("lambda:function", "us-east-1"), (f.Type, f.Region)));
    }

    [Fact]
    public async Task Requests_filter_by_the_catalogue_filter_ask_100_per_page_and_pass_the_token_back()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        await aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("sns:topic"), CancellationToken.None).AllAsync();
        await aws.Inventory.ListAsync("us-east-1", Lambda, CancellationToken.None).AllAsync();

        var bodies = aws.Fake.Of("tagging", "GetResources").Select(r => JsonDocument.Parse(r.Parameters).RootElement).ToList();
        Assert.Equal(["sns", "lambda:function", "lambda:function"], bodies.Select(b => b.GetProperty("ResourceTypeFilters")[0].GetString()));
        Assert.All(bodies, b => Assert.Equal(100, b.GetProperty("ResourcesPerPage").GetInt32()));
        Assert.False(bodies[1].TryGetProperty("PaginationToken", out _));
        Assert.Equal(aws.Fake.Tokens.Issued.Single(), bodies[2].GetProperty("PaginationToken").GetString());
    }

    [Fact]
    public async Task Global_tagging_api_types_are_asked_in_us_east_1_and_reported_as_global()
    {
        await using var aws = await LiveAwsHarness.StartAsync(o => o.Region = "eu-west-1");

        var roles = await aws.Inventory.ListGlobalAsync(ResourceCatalogue.Get("iam:role"), CancellationToken.None).AllAsync();
        var distributions = await aws.Inventory.ListGlobalAsync(ResourceCatalogue.Get("cloudfront:distribution"), CancellationToken.None).AllAsync();

        Assert.Equal(["app-role", "ci-role", "batch-role"], roles.Select(r => r.Name));
        Assert.All(roles.Concat(distributions), r => Assert.Equal(ResourceCatalogue.GlobalRegion, r.Region));
        Assert.All(aws.Fake.Of("tagging", "GetResources"), r => Assert.Equal("us-east-1", r.Region));
    }

    [Fact]
    public async Task Tagging_api_types_report_tagged_only_coverage()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        Assert.Equal(Coverage.TaggedOnly, aws.Inventory.CoverageOf(Lambda));
        Assert.Equal(Coverage.TaggedOnly, aws.Inventory.CoverageOf(ResourceCatalogue.Get("iam:role")));
        Assert.Equal(Coverage.Complete, aws.Inventory.CoverageOf(ResourceCatalogue.Get("s3:bucket")));
    }

    [Fact]
    public async Task Global_and_regional_listings_refuse_the_other_kind_of_type()
    {
        await using var aws = await LiveAwsHarness.StartAsync();

        Assert.Throws<ArgumentException>(() => aws.Inventory.ListAsync("us-east-1", ResourceCatalogue.Get("s3:bucket"), CancellationToken.None));
        Assert.Throws<ArgumentException>(() => aws.Inventory.ListGlobalAsync(Lambda, CancellationToken.None));
    }
}
