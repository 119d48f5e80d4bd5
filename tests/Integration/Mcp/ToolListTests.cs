using System.Text.Json;
using System.Text.RegularExpressions;

namespace FinOps.Tests.Integration.Mcp;

[Collection(McpHostCollection.Name)]
public sealed partial class ToolListTests(McpHostFixture fixture)
{
    [Fact]
    public async Task Every_tool_is_listed_with_a_description_and_input_and_output_schemas()
    {
        var tools = await fixture.Client.ListToolsAsync();

        Assert.Equal(McpToolNames.All.Order(), tools.Select(t => t.Name).Order());
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            Assert.True(tool.Description?.Length >= 80, $"{tool.Name} needs a description that says when to use it");
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
            Assert.True(tool.OutputSchema.HasValue, $"{tool.Name} has no output schema");
            Assert.Equal("object", tool.OutputSchema.Value.GetProperty("type").GetString());
            Assert.NotEmpty(tool.OutputSchema.Value.GetProperty("properties").EnumerateObject());
        }
    }

    [Fact]
    public async Task Every_parameter_is_snake_case_and_described()
    {
        var tools = await fixture.Client.ListToolsAsync();

        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            if (!tool.InputSchema.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            foreach (var parameter in properties.EnumerateObject())
            {
                Assert.Matches(SnakeCase(), parameter.Name);
                Assert.True(parameter.Value.TryGetProperty("description", out var d) && d.GetString()!.Length > 10,
                    $"{tool.Name}.{parameter.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task Every_output_field_is_snake_case()
    {
        var tools = await fixture.Client.ListToolsAsync();

        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            foreach (var name in PropertyNames(tool.OutputSchema!.Value))
            {
                Assert.True(SnakeCase().IsMatch(name), $"{tool.Name} answers with field '{name}', which is not snake_case");
            }
        }
    }

    [Fact]
    public async Task Read_tools_are_annotated_read_only_and_only_writing_tools_are_not()
    {
        var tools = await fixture.Client.ListToolsAsync();

        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            var writes = McpToolNames.Writing.Contains(tool.Name);
            Assert.NotNull(tool.Annotations);
            Assert.Equal(!writes, tool.Annotations.ReadOnlyHint);
            Assert.False(tool.Annotations.OpenWorldHint);
            Assert.False(string.IsNullOrEmpty(tool.Title ?? tool.Annotations.Title));
        }
    }

    private static IEnumerable<string> PropertyNames(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var member in schema.EnumerateObject())
        {
            if (member.Name == "properties")
            {
                foreach (var property in member.Value.EnumerateObject())
                {
                    yield return property.Name;
                    foreach (var nested in PropertyNames(property.Value))
                    {
                        yield return nested;
                    }
                }
            }
            else if (member.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var nested in PropertyNames(member.Value))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
