using System.Text.Json;
using ModelContextProtocol.Client;

namespace FinOps.Tests.Integration.Mcp;

[Collection(McpHostCollection.Name)]
public sealed class ToolCallTests(McpHostFixture fixture)
{
    public static TheoryData<string, string> ValidCalls => new()
    {
        { "get_tagging_policy", "{}" },
        { "list_regions", "{}" },
        { "check_tag_compliance", """{"resource_types":["all"]}""" },
        { "check_tag_compliance", """{"resource_types":["ec2:instance","s3:bucket"],"regions":["eu-west-1","global"],"severity":"warning","limit":5}""" },
        { "find_untagged_resources", """{"resource_types":["all"],"min_monthly_cost":10,"limit":5}""" },
        { "validate_resource_tags", """{"resource_arns":["{violating_arn}","arn:aws:ec2:eu-west-1:123456789012:instance/i-0000000000000dead"]}""" },
        { "suggest_tags", """{"resource_arn":"{violating_arn}"}""" },
        { "suggest_tags", """{"resource_arn":"arn:aws:ec2:eu-west-1:123456789012:instance/i-0000000000000dead"}""" },
        { "import_aws_tag_policy", """{"policy_json":"{\"tags\":{\"costcenter\":{\"tag_key\":{\"@@assign\":\"CostCenter\"},\"tag_value\":{\"@@assign\":[\"CC-100\",\"CC-2*\"]},\"enforced_for\":{\"@@assign\":[\"ec2:ALL_SUPPORTED\"]}}}}"}""" },
        { "generate_custodian_policy", "{}" },
        { "generate_custodian_policy", """{"resource_types":["rds:db","sqs:queue"],"tag_keys":["Owner","Project"]}""" },
        { "start_scan", """{"resource_types":["all"]}""" },
        { "get_scan_status", """{"scan_id":"{scan_id}"}""" },
        { "get_cost_attribution_gap", "{}" },
        { "get_cost_attribution_gap", """{"group_by":"resource_type","regions":["us-east-1"],"period":"month-to-date","metric":"amortized"}""" },
        { "get_cost_attribution_gap", """{"group_by":"service"}""" },
        { "generate_compliance_report", """{"format":"json"}""" },
        { "generate_compliance_report", """{"format":"markdown","regions":["eu-west-1"]}""" },
        { "generate_compliance_report", """{"format":"csv"}""" },
        { "export_violations_csv", """{"severity":"error","columns":["arn","tag_key","gap_share_usd"],"max_rows":20}""" },
    };

    [Theory]
    [MemberData(nameof(ValidCalls))]
    public async Task A_valid_call_answers_with_structured_content_that_matches_the_output_schema(string tool, string arguments)
    {
        var client = fixture.Client;
        arguments = await FillAsync(client, arguments);
        var schema = (await client.ListToolsAsync()).Single(t => t.Name == tool).ProtocolTool.OutputSchema!.Value;

        var answer = await client.AnswerAsync(tool, arguments);

        McpCalls.AssertMatchesSchema(schema, answer, tool);
        Assert.True(answer.TryGetProperty("as_of", out var asOf) && asOf.ValueKind == JsonValueKind.String
            && asOf.GetDateTimeOffset() > DateTimeOffset.UnixEpoch, $"{tool} does not say as_of");
    }

    /// <summary>Replaces placeholders with values from the running app (an ARN that breaks the policy, a scan id).</summary>
    private static async Task<string> FillAsync(McpClient client, string arguments)
    {
        if (!arguments.Contains('{', StringComparison.Ordinal) || !arguments.Contains("{violating_arn}", StringComparison.Ordinal) && !arguments.Contains("{scan_id}", StringComparison.Ordinal))
        {
            return arguments;
        }

        var compliance = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":1}""");
        return arguments
            .Replace("{violating_arn}", compliance.GetProperty("violations")[0].GetProperty("arn").GetString(), StringComparison.Ordinal)
            .Replace("{scan_id}", compliance.GetProperty("scan_id").GetString(), StringComparison.Ordinal);
    }
}
