using System.Text.Json;
using FinOps.Domain.Custodian;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using YamlDotNet.RepresentationModel;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>import_aws_tag_policy and generate_custodian_policy (hosts of their own where the policy is saved).</summary>
public sealed class PolicyToolTests
{
    private const string OrganizationsPolicy =
        """{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},"tag_value":{"@@assign":["CC-100","CC-9*"]},"enforced_for":{"@@assign":["ec2:instance"]}},"team":{"tag_key":{"@@assign":"Team"}}}}""";

    [Fact]
    public async Task An_import_preview_shows_the_diff_and_changes_nothing_and_apply_puts_the_policy_in_force()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();
        var before = await client.AnswerAsync("get_tagging_policy");
        var beforeHash = before.GetProperty("policy").GetProperty("policy_hash").GetString();
        var compliance = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["ec2:instance"]}""");

        var preview = await client.AnswerAsync("import_aws_tag_policy", JsonSerializer.Serialize(new { policy_json = OrganizationsPolicy }));

        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(beforeHash, preview.GetProperty("current_policy_hash").GetString());
        Assert.Equal(beforeHash, (await client.AnswerAsync("get_tagging_policy")).GetProperty("policy").GetProperty("policy_hash").GetString());
        var changes = preview.GetProperty("diff").GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "added" && c.GetProperty("tag_key").GetString() == "Team");
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "removed" && c.GetProperty("tag_key").GetString() == "Owner");
        var costCenter = preview.GetProperty("converted_policy").GetProperty("required_tags").EnumerateArray().Single();
        Assert.Equal(["ec2:instance"], costCenter.GetProperty("applies_to").Strings());
        Assert.Equal("CC-100|CC-9.*", costCenter.GetProperty("pattern").GetString());

        var applied = await client.AnswerAsync("import_aws_tag_policy", JsonSerializer.Serialize(new { policy_json = OrganizationsPolicy, apply = true }));

        var after = await client.AnswerAsync("get_tagging_policy");
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(applied.GetProperty("converted_policy").GetProperty("policy_hash").GetString(), after.GetProperty("policy").GetProperty("policy_hash").GetString());
        Assert.NotEqual(beforeHash, after.GetProperty("policy").GetProperty("policy_hash").GetString());
        // The same observations are judged by the new policy at once; no scan is needed for that.
        var rejudged = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["ec2:instance"]}""");
        Assert.Equal(compliance.GetProperty("scan_id").GetString(), rejudged.GetProperty("scan_id").GetString());
        Assert.Equal(after.GetProperty("policy").GetProperty("policy_hash").GetString(), rejudged.GetProperty("policy_hash").GetString());
    }

    [Fact]
    public async Task Apply_is_refused_when_the_caller_may_not_edit_the_policy_and_nothing_is_saved()
    {
        await using var host = McpTestHost.Start(new Dictionary<string, string?> { ["FinOps:Mcp:AllowPolicyEdit"] = "false" });
        await using var client = await host.ConnectAsync();
        var before = await client.AnswerAsync("get_tagging_policy");

        var error = await client.ErrorAsync("import_aws_tag_policy", JsonSerializer.Serialize(new { policy_json = OrganizationsPolicy, apply = true }));

        Assert.Contains("FinOps:Mcp:AllowPolicyEdit", error, StringComparison.Ordinal);
        Assert.Contains("apply=false", error, StringComparison.Ordinal);
        Assert.Equal(before.GetProperty("policy").GetProperty("policy_hash").GetString(),
            (await client.AnswerAsync("get_tagging_policy")).GetProperty("policy").GetProperty("policy_hash").GetString());
    }

    [Fact]
    public async Task The_custodian_yaml_parses_and_has_one_notify_only_policy_per_type_with_absent_and_value_checks()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();

        var answer = await client.AnswerAsync("generate_custodian_policy", """{"resource_types":["ec2:instance","ec2:volume","s3:bucket"]}""");
        var narrowed = await client.AnswerAsync("generate_custodian_policy", """{"resource_types":["ec2:instance","sqs:queue"],"tag_keys":["Application"]}""");

        var policies = Policies(answer.GetProperty("yaml").GetString()!);
        Assert.Equal(["aws.ec2", "aws.ebs", "aws.s3"], policies.Select(p => Scalar(p, "resource")));
        Assert.Equal(["ec2:instance", "ec2:volume", "s3:bucket"], answer.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("resource_type").GetString()!));
        Assert.Empty(answer.GetProperty("skipped_types").EnumerateArray());
        Assert.Equal(["aws.ec2"], Policies(narrowed.GetProperty("yaml").GetString()!).Select(p => Scalar(p, "resource")));
        var skipped = narrowed.GetProperty("skipped_types").EnumerateArray().Single();
        Assert.Equal("sqs:queue", skipped.GetProperty("resource_type").GetString());
        Assert.Contains("No selected tag", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        foreach (var policy in policies)
        {
            var actions = (YamlSequenceNode)policy.Children[new YamlScalarNode("actions")];
            Assert.Equal(["notify"], actions.Cast<YamlMappingNode>().Select(a => Scalar(a, "type")));
            var or = (YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)policy.Children[new YamlScalarNode("filters")]).Single()).Children[new YamlScalarNode("or")];
            var absent = or.OfType<YamlMappingNode>().Where(m => m.Children.Count == 1 && Scalar(m, m.Children.Keys.Single().ToString()) == "absent")
                .Select(m => m.Children.Keys.Single().ToString()).ToList();
            Assert.Contains("tag:CostCenter", absent);
            Assert.Contains(or.OfType<YamlMappingNode>(), m => m.Children.ContainsKey(new YamlScalarNode("op")) && Scalar(m, "op") == "not-in");
        }

        var ec2 = policies[0];
        Assert.Equal("finops-tags-ec2-instance", Scalar(ec2, "name"));
    }

    [Fact]
    public void Policy_values_stay_strings_in_the_yaml_and_optional_tags_are_checked_only_when_present()
    {
        var policy = TaggingPolicyJson.Parse("""
            {"version":"1","requiredTags":[{"key":"Enabled","allowedValues":["yes","no","1.0","null","- x"]}],
             "optionalTags":[{"key":"Project","pattern":"[A-Z]{3}-[0-9]+"}],
             "rules":{"caseSensitiveValues":false}}
            """);

        var export = CustodianPolicyWriter.Write(policy, [ResourceCatalogue.Get("rds:db")], ["Enabled", "Project"]);

        var policies = Policies(export.Yaml);
        var or = (YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)policies.Single().Children[new YamlScalarNode("filters")]).Single()).Children[new YamlScalarNode("or")];
        var notIn = or.OfType<YamlMappingNode>().Single(m => m.Children.ContainsKey(new YamlScalarNode("op")));
        var values = ((YamlSequenceNode)notIn.Children[new YamlScalarNode("value")]).Cast<YamlScalarNode>().ToList();
        Assert.Equal(["yes", "no", "1.0", "null", "- x"], values.Select(v => v.Value));
        Assert.All(values, v => Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, v.Style));
        Assert.Equal("normalize", Scalar(notIn, "value_type"));
        var optional = or.OfType<YamlMappingNode>().Single(m => m.Children.ContainsKey(new YamlScalarNode("and")));
        Assert.Contains("present", optional.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(or.OfType<YamlMappingNode>(), m => m.Children.ContainsKey(new YamlScalarNode("tag:Project")));
        Assert.Equal(["Enabled", "Project"], export.Policies.Single().TagKeys.AsEnumerable());
        Assert.Empty(export.Skipped);
    }

    private static List<YamlMappingNode> Policies(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        return [.. ((YamlSequenceNode)root.Children[new YamlScalarNode("policies")]).Cast<YamlMappingNode>()];
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
