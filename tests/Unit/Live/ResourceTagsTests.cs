using FinOps.Aws.Live;
using FinOps.Domain.Ports;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Live;

public sealed class ResourceTagsTests
{
    [Fact]
    public void A_null_sdk_collection_means_no_tags()
    {
        Assert.Empty(ResourceTags.From<KeyValuePair<string, string>>(null, t => t.Key, t => t.Value));
    }

    [Fact]
    public void Tags_keep_the_source_order_and_drop_keyless_entries()
    {
        var tags = ResourceTags.From([("b", "2"), ("", "x"), ("a", null)], t => t.Item1, t => t.Item2);

        Assert.Equal([new Tag("b", "2"), new Tag("a", "")], tags.ToArray());
    }

    [Fact]
    public void The_name_tag_wins_over_the_service_name_unless_blank()
    {
        Assert.Equal("web", ResourceTags.NameOf([new Tag("Name", "web")], "i-123"));
        Assert.Equal("i-123", ResourceTags.NameOf([new Tag("Name", " ")], "i-123"));
        Assert.Null(ResourceTags.NameOf([new Tag("name", "lower-case key is not the Name tag")], null));
    }

    [Theory]
    [InlineData("opt-in-not-required", OptInStatus.OptInNotRequired)]
    [InlineData("opted-in", OptInStatus.OptedIn)]
    [InlineData("not-opted-in", OptInStatus.NotOptedIn)]
    [InlineData(null, OptInStatus.OptInNotRequired)]
    [InlineData("something-new", OptInStatus.NotOptedIn)]
    public void Opt_in_statuses_are_mapped_and_unknown_ones_are_not_enabled(string? status, OptInStatus expected)
    {
        Assert.Equal(expected, Ec2RegionCatalogue.ParseOptInStatus(status));
    }
}
