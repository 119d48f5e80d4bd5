using System.Text.Json;
using Json.Schema;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>Calling tools from tests and reading their answers.</summary>
public static class McpCalls
{
    /// <summary>Calls a tool with arguments given as a JSON object text.</summary>
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, string argumentsJson = "{}",
        IProgress<ProgressNotificationValue>? progress = null)
    {
        using var doc = JsonDocument.Parse(argumentsJson);
        var arguments = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return await client.CallToolAsync(tool, arguments, progress);
    }

    /// <summary>The structured answer of a successful call (fails the test with the error text otherwise).</summary>
    public static async Task<JsonElement> AnswerAsync(this McpClient client, string tool, string argumentsJson = "{}",
        IProgress<ProgressNotificationValue>? progress = null)
    {
        var result = await client.CallAsync(tool, argumentsJson, progress);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }

    /// <summary>The error text of a call that must fail.</summary>
    public static async Task<string> ErrorAsync(this McpClient client, string tool, string argumentsJson)
    {
        var result = await client.CallAsync(tool, argumentsJson);
        Assert.True(result.IsError == true, $"{tool} {argumentsJson} should have failed but answered: {Text(result)[..Math.Min(300, Text(result).Length)]}");
        return Text(result);
    }

    /// <summary>All text content of a result.</summary>
    public static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>Validates a value against a JSON schema; the message lists every error.</summary>
    public static void AssertMatchesSchema(JsonElement schema, JsonElement value, string what)
    {
        var compiled = JsonSchema.FromText(schema.GetRawText());
        var results = compiled.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
        Assert.True(results.IsValid, $"{what} does not match its output schema: {string.Join("; ", errors.Take(10))}");
    }

    /// <summary>The strings of a JSON array.</summary>
    public static List<string> Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
