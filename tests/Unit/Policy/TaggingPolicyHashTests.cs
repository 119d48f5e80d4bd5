using FinOps.Domain.Policy;
using FinOps.Tests.Unit.Costs;

namespace FinOps.Tests.Unit.Policy;

public sealed class TaggingPolicyHashTests
{
    [Fact]
    public void A_copy_with_other_tags_has_its_own_hash()
    {
        var policy = CostScenario.Policy;
        _ = policy.ContentHash;

        var edited = policy with { RequiredTags = [.. policy.RequiredTags.Skip(1)] };

        Assert.NotEqual(policy.ContentHash, edited.ContentHash);
        Assert.Equal(TaggingPolicyJson.Parse(TaggingPolicyJson.Serialize(edited)).ContentHash, edited.ContentHash);
    }

    [Fact]
    public void An_unchanged_copy_keeps_the_same_hash()
    {
        var policy = CostScenario.Policy;

        Assert.Equal(policy.ContentHash, (policy with { }).ContentHash);
    }

    [Fact]
    public void The_indented_form_keeps_pattern_characters_as_typed_and_reads_back_to_the_same_hash()
    {
        var policy = TaggingPolicyJson.Parse("""{ "requiredTags": [ { "key": "Project", "pattern": "[A-Z]+-<[0-9]+>&'x'" } ] }""");

        var text = TaggingPolicyJson.Serialize(policy);

        Assert.Contains("[A-Z]+-<[0-9]+>&'x'", text, StringComparison.Ordinal);
        Assert.Equal(policy.ContentHash, TaggingPolicyJson.Parse(text).ContentHash);
    }
}
