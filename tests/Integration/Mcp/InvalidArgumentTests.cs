using System.Text.Json;

namespace FinOps.Tests.Integration.Mcp;

[Collection(McpHostCollection.Name)]
public sealed class InvalidArgumentTests(McpHostFixture fixture)
{
    /// <summary>
    /// Tool, arguments, and words the error must contain (what was wrong and what is accepted). NodeClientTests sends
    /// the same table through the npm SDK client.
    /// </summary>
    public static TheoryData<string, string, string[]> InvalidCalls => new()
    {
        { "check_tag_compliance", """{"resource_types":["ec2:bogus"]}""", ["'ec2:bogus'", "ec2:instance", "all"] },
        { "check_tag_compliance", """{"resource_types":[]}""", ["resource_types", "all"] },
        { "check_tag_compliance", """{}""", ["resource_types", "required"] },
        { "check_tag_compliance", """{"resource_types":"all"}""", ["resource_types", "list of strings"] },
        { "check_tag_compliance", """{"resource_types":["all"],"regions":["af-south-1"]}""", ["af-south-1", "not-opted-in", "Accepted", "us-east-1"] },
        { "check_tag_compliance", """{"resource_types":["all"],"regions":["mars-north-1"]}""", ["mars-north-1", "not a region", "Accepted"] },
        { "check_tag_compliance", """{"resource_types":["all"],"limit":0}""", ["limit", "1 to 500"] },
        { "check_tag_compliance", """{"resource_types":["all"],"limit":501}""", ["limit", "1 to 500"] },
        { "check_tag_compliance", """{"resource_types":["all"],"limit":"ten"}""", ["limit", "whole number"] },
        { "check_tag_compliance", """{"resource_types":["all"],"cursor":"not-a-cursor"}""", ["cursor", "next_cursor"] },
        { "check_tag_compliance", """{"resource_types":["all"],"severity":"critical"}""", ["severity", "error", "warning"] },
        { "check_tag_compliance", """{"resource_types":["all"],"colour":"red"}""", ["unknown argument 'colour'", "resource_types"] },
        { "find_untagged_resources", """{"resource_types":["all"],"min_monthly_cost":-5}""", ["min_monthly_cost", "0 or more"] },
        { "find_untagged_resources", """{"resource_types":["all"],"cursor":"YzF8eHx5fDA"}""", ["cursor"] },
        { "validate_resource_tags", """{"resource_arns":["i-0abc123"]}""", ["i-0abc123", "arn:"] },
        { "validate_resource_tags", """{"resource_arns":["arn:aws:ec2:eu-west-1:12345:instance/i-1"]}""", ["account id", "12 digits"] },
        { "validate_resource_tags", """{"resource_arns":[]}""", ["resource_arns", "1 to 100"] },
        { "validate_resource_tags", TooManyArns(), ["101", "at most 100"] },
        { "suggest_tags", """{"resource_arn":"not an arn"}""", ["not an ARN", "arn:partition"] },
        { "import_aws_tag_policy", """{"policy_json":"{not json"}""", ["not valid JSON", "tags"] },
        { "import_aws_tag_policy", OversizedPolicy(), ["policy_json", "1 MiB"] },
        { "generate_custodian_policy", """{"tag_keys":["costcenter"]}""", ["costcenter", "CostCenter"] },
        { "generate_custodian_policy", """{"resource_types":["ec2:bogus"]}""", ["ec2:bogus", "ec2:instance"] },
        { "start_scan", """{"resource_types":["all"],"regions":["eu-west-9"]}""", ["eu-west-9", "Accepted"] },
        { "get_scan_status", """{"scan_id":"0123456789abcdef"}""", ["0123456789abcdef", "start_scan"] },
        { "get_scan_status", """{"scan_id":7}""", ["scan_id", "string"] },
        { "get_cost_attribution_gap", """{"period":"2026-13"}""", ["period", "YYYY-MM", "last-month"] },
        { "get_cost_attribution_gap", """{"period":"2026-05-10..2026-05-01"}""", ["period", "after the start"] },
        { "get_cost_attribution_gap", """{"group_by":"owner"}""", ["group_by", "region", "resource_type", "service"] },
        { "get_cost_attribution_gap", """{"metric":"blended"}""", ["metric", "unblended", "amortized"] },
        { "get_cost_attribution_gap", """{"regions":["af-south-1"]}""", ["af-south-1", "not-opted-in"] },
        { "generate_compliance_report", """{"format":"pdf"}""", ["format", "markdown", "json", "csv"] },
        { "export_violations_csv", """{"columns":["arn","colour"]}""", ["colour", "tag_key", "gap_share_usd"] },
        { "export_violations_csv", """{"max_rows":10001}""", ["max_rows", "10000"] },
        { "export_violations_csv", """{"severity":"fatal"}""", ["severity", "error", "warning"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task A_bad_argument_is_a_tool_error_that_names_the_problem_and_what_is_accepted(string tool, string arguments, string[] expected)
    {
        var error = await fixture.Client.ErrorAsync(tool, arguments);

        foreach (var words in expected)
        {
            Assert.Contains(words, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.True(error.Length < 4000, "errors stay short");

        // The server keeps serving after every refusal.
        var regions = await fixture.Client.AnswerAsync("list_regions");
        Assert.NotEmpty(regions.GetProperty("regions").EnumerateArray());
    }

    [Fact]
    public async Task A_cursor_is_refused_with_other_arguments_than_the_call_that_issued_it()
    {
        var first = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"severity":"error","limit":5}""");
        var cursor = first.GetProperty("next_cursor").GetString();

        var error = await fixture.Client.ErrorAsync("check_tag_compliance",
            JsonSerializer.Serialize(new Dictionary<string, object> { ["resource_types"] = new[] { "all" }, ["severity"] = "warning", ["limit"] = 5, ["cursor"] = cursor! }));

        Assert.Contains("cursor belongs to a call with other", error, StringComparison.Ordinal);
    }

    private static string TooManyArns() => JsonSerializer.Serialize(new
    {
        resource_arns = Enumerable.Range(0, 101).Select(i => $"arn:aws:ec2:eu-west-1:123456789012:instance/i-{i:x17}").ToArray(),
    });

    private static string OversizedPolicy() => JsonSerializer.Serialize(new
    {
        policy_json = "{\"tags\":{\"a\":{\"tag_key\":{\"@@assign\":\"" + new string('x', 1024 * 1024) + "\"}}}}",
    });
}
