using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>The endpoint through the npm <c>@modelcontextprotocol/sdk</c> client (tests/Integration/node/mcp-client.mjs).</summary>
[Collection(McpHostCollection.Name)]
public sealed class NodeClientTests(McpHostFixture fixture)
{
    [Fact]
    public async Task The_typescript_sdk_client_lists_every_tool_and_gets_schema_valid_answers()
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
        var output = await RunAsync(valid, "node-valid-calls.json");

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
    }

    [Fact]
    public async Task The_typescript_sdk_client_gets_a_tool_error_naming_the_problem_for_every_invalid_argument_case()
    {
        // The same table as the C# client's test, so the two clients cannot drift apart.
        var cases = InvalidArgumentTests.InvalidCalls
            .Select(row => (Tool: (string)row[0], Arguments: (string)row[1], Expected: (string[])row[2]))
            .ToList();
        Assert.NotEmpty(cases);
        object[] calls = [.. cases.Select(c => Call(c.Tool, JsonNode.Parse(c.Arguments))), Call("list_regions")];

        // Through a file: one case's arguments exceed 1 MiB, too long for a command line.
        var output = await RunAsync(calls, "node-invalid-calls.json");

        var results = output.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(calls.Length, results.Count);
        Assert.Multiple([.. cases.Zip(results, (c, result) => (Action)(() => AssertNamedToolError(c.Tool, c.Arguments, c.Expected, result)))]);

        // The server keeps serving the same session after every refusal.
        var last = results[^1];
        Assert.False(last.GetProperty("isError").GetBoolean(), $"list_regions after the refusals: {last.GetProperty("text")} {last.GetProperty("thrown")}");
        Assert.NotEmpty(last.GetProperty("structuredContent").GetProperty("regions").EnumerateArray());
    }

    private static void AssertNamedToolError(string tool, string arguments, string[] expected, JsonElement result)
    {
        var call = $"{tool} {(arguments.Length > 120 ? arguments[..120] + "…" : arguments)}";
        Assert.Equal(tool, result.GetProperty("name").GetString());
        Assert.True(result.GetProperty("thrown").ValueKind == JsonValueKind.Null, $"{call}: the client threw {result.GetProperty("thrown")}");
        Assert.True(result.GetProperty("isError").GetBoolean(), $"{call}: should have been a tool error");
        var text = result.GetProperty("text").GetString() ?? "";
        foreach (var words in expected)
        {
            Assert.True(text.Contains(words, StringComparison.Ordinal), $"{call}: error lacks '{words}': {text}");
        }

        Assert.False(text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal), $"{call}: error leaks internals: {text}");
        Assert.True(text.Length < 4000, $"{call}: error is {text.Length} characters long");
    }

    private static object Call(string name, object? arguments = null) => new { name, arguments = arguments ?? new { } };

    private async Task<JsonElement> RunAsync(object[] calls, string fileName)
    {
        var file = Path.Combine(fixture.Host.DataPath, fileName);
        Directory.CreateDirectory(fixture.Host.DataPath);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(calls));
        var (exit, stdout, stderr) = await NodeRunner.RunAsync(["mcp-client.mjs", fixture.Host.McpEndpoint.ToString(), file], TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"node client failed ({exit}): {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }
}
