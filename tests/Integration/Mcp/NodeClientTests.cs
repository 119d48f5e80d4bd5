using System.Text.Json;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>The endpoint through the npm <c>@modelcontextprotocol/sdk</c> client (tests/Integration/node/mcp-client.mjs).</summary>
[Collection(McpHostCollection.Name)]
public sealed class NodeClientTests(McpHostFixture fixture)
{
    [Fact]
    public async Task The_typescript_sdk_client_lists_every_tool_and_gets_schema_valid_answers_and_named_errors()
    {
        var compliance = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":1}""");
        var arn = compliance.GetProperty("violations")[0].GetProperty("arn").GetString();
        var scanId = compliance.GetProperty("scan_id").GetString();
        object[] valid =
        [
            Call("get_tagging_policy"),
            Call("list_regions"),
            Call("check_tag_compliance", new { resource_types = new[] { "all" }, regions = new[] { "eu-west-1" }, limit = 3 }),
            Call("find_untagged_resources", new { resource_types = new[] { "all" }, limit = 3 }),
            Call("validate_resource_tags", new { resource_arns = new[] { arn } }),
            Call("suggest_tags", new { resource_arn = arn }),
            Call("import_aws_tag_policy", new { policy_json = """{"tags":{"owner":{"tag_key":{"@@assign":"Owner"}}}}""" }),
            Call("generate_custodian_policy", new { resource_types = new[] { "ec2:instance" } }),
            Call("start_scan", new { resource_types = new[] { "all" } }),
            Call("get_scan_status", new { scan_id = scanId }),
            Call("get_cost_attribution_gap", new { group_by = "service" }),
            Call("generate_compliance_report", new { format = "markdown" }),
            Call("export_violations_csv", new { max_rows = 5 }),
        ];
        object[] invalid =
        [
            Call("check_tag_compliance", new { resource_types = new[] { "ec2:bogus" } }),
            Call("check_tag_compliance", new { resource_types = new[] { "all" }, limit = 1000 }),
            Call("validate_resource_tags", new { resource_arns = new[] { "nonsense" } }),
            Call("get_cost_attribution_gap", new { group_by = "colour" }),
        ];

        var output = await RunAsync([.. valid, .. invalid]);

        var tools = output.GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(McpToolNames.All.Order(), tools.Select(t => t.GetProperty("name").GetString()!).Order());
        Assert.All(tools, t => Assert.Equal("object", t.GetProperty("outputSchema").GetProperty("type").GetString()));
        Assert.All(tools, t => Assert.Equal("object", t.GetProperty("inputSchema").GetProperty("type").GetString()));
        var results = output.GetProperty("results").EnumerateArray().ToList();
        foreach (var result in results.Take(valid.Length))
        {
            var name = result.GetProperty("name").GetString();
            Assert.True(result.GetProperty("thrown").ValueKind == JsonValueKind.Null, $"{name}: {result.GetProperty("thrown")}");
            Assert.False(result.GetProperty("isError").GetBoolean(), $"{name}: {result.GetProperty("text")}");
            Assert.Equal(JsonValueKind.Object, result.GetProperty("structuredContent").ValueKind);
            Assert.Equal(JsonValueKind.String, result.GetProperty("structuredContent").GetProperty("as_of").ValueKind);
        }

        string[][] expected = [["ec2:bogus", "ec2:instance"], ["limit", "1 to 500"], ["nonsense", "arn:"], ["group_by", "resource_type"]];
        foreach (var (result, words) in results.Skip(valid.Length).Zip(expected))
        {
            Assert.True(result.GetProperty("isError").GetBoolean());
            Assert.All(words, w => Assert.Contains(w, result.GetProperty("text").GetString(), StringComparison.Ordinal));
        }
    }

    private static object Call(string name, object? arguments = null) => new { name, arguments = arguments ?? new { } };

    private async Task<JsonElement> RunAsync(object[] calls)
    {
        var file = Path.Combine(fixture.Host.DataPath, "node-calls.json");
        Directory.CreateDirectory(fixture.Host.DataPath);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(calls));
        var (exit, stdout, stderr) = await NodeRunner.RunAsync(["mcp-client.mjs", fixture.Host.McpEndpoint.ToString(), file], TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"node client failed ({exit}): {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }
}
