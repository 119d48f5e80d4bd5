using System.Net;
using System.Text.Json.Nodes;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// Messages the MCP SDK would answer with a 500, "An error occurred." or its JSON parser's own wording are refused
/// before it reads them, with a JSON-RPC error in the product's words that names the member and what it accepts.
/// </summary>
[Collection(McpHostCollection.Name)]
public sealed class EnvelopeRefusalTests(McpHostFixture fixture)
{
    private const string ToolsList = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

    /// <summary>Words of the JSON parser and the SDK's types that must never reach a client.</summary>
    private static readonly string[] ParserWording =
        ["ModelContextProtocol", "Path: $", "LineNumber", "BytePositionInLine", "could not be converted", "JsonRpcMessage", "RequestId", "An error occurred"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json;;;")]
    [InlineData("//")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_post_without_a_json_content_type_is_refused_with_415_naming_what_is_accepted(string? contentType)
    {
        var (status, payload) = await SendAsync(RawMcp.Post(ToolsList).WithContentType(contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        var message = RawMcp.ErrorMessage(payload);
        Assert.NotNull(message);
        Assert.Contains("Content-Type", message, StringComparison.Ordinal);
        Assert.Contains("application/json", message, StringComparison.Ordinal);
        AssertProductWording(message);
    }

    [Fact]
    public async Task A_json_content_type_with_parameters_is_still_served()
    {
        var (status, payload) = await SendAsync(RawMcp.Post(ToolsList).WithContentType("Application/JSON; charset=UTF-8"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(payload?["result"]?["tools"]);
    }

    [Theory]
    [InlineData("{\"sampling\":\"yes\",\"roots\":1}", "params.capabilities.sampling", "an object")]
    [InlineData("{\"roots\":1}", "params.capabilities.roots", "an object")]
    [InlineData("{\"roots\":{\"listChanged\":\"yes\"}}", "params.capabilities.roots.listChanged", "true or false")]
    [InlineData("{\"elicitation\":[]}", "params.capabilities.elicitation", "an object")]
    public async Task Initialize_with_a_capability_of_the_wrong_type_is_refused_naming_it(string capabilities, string member, string accepted)
    {
        var body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":"
            + capabilities + ",\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

        var (status, payload) = await SendAsync(RawMcp.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32602, payload?["error"]?["code"]?.GetValue<int>());
        Assert.Equal(3, payload?["id"]?.GetValue<int>());
        var message = RawMcp.ErrorMessage(payload)!;
        Assert.Contains(member, message, StringComparison.Ordinal);
        Assert.Contains(accepted, message, StringComparison.Ordinal);
        AssertProductWording(message);
    }

    [Theory]
    [InlineData("{\"x\":\"\\udfff\"}", "params.arguments.x")]
    [InlineData("{\"regions\":[\"eu-west-1\",\"\\ud800x\"]}", "params.arguments.regions[1]")]
    [InlineData("{\"\\udfff\":1}", "params.arguments")]
    public async Task A_lone_surrogate_in_a_tool_argument_is_refused_naming_where_it_is(string arguments, string member)
    {
        var (status, payload) = await SendAsync(RawMcp.Post(RawMcp.ToolCall("list_regions", arguments)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = RawMcp.ErrorMessage(payload)!;
        Assert.Contains(member, message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", message, StringComparison.Ordinal);
        AssertProductWording(message);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"elicitation/create\",\"params\":{\"_meta\":{\"-0\":1,\"-0\":false}}}", "params._meta.-0")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"list_regions\",\"arguments\":{\"x\":1,\"x\":2}}}", "params.arguments.x")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":5,\"id\":6,\"method\":\"tools/list\"}", "id")]
    public async Task A_member_named_twice_in_one_object_is_refused_naming_it(string body, string member)
    {
        var (status, payload) = await SendAsync(RawMcp.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = RawMcp.ErrorMessage(payload)!;
        Assert.StartsWith(member + ":", message, StringComparison.Ordinal);
        Assert.Contains("more than once", message, StringComparison.Ordinal);
        AssertProductWording(message);
    }

    public static TheoryData<string, string, string[]> MalformedEnvelopes => new()
    {
        { "id 1e400", "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"tools/list\"}", ["id", "whole number"] },
        { "id 1.5", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"tools/list\"}", ["id", "whole number"] },
        { "id 2^64", "{\"jsonrpc\":\"2.0\",\"id\":18446744073709551616,\"method\":\"tools/list\"}", ["id", "whole number", "9223372036854775807"] },
        { "id of 30 digits", "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"tools/list\"}", ["id", "whole number"] },
        { "id 1e2", "{\"jsonrpc\":\"2.0\",\"id\":1e2,\"method\":\"tools/list\"}", ["id", "whole number"] },
        { "id true", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"tools/list\"}", ["id", "a string or a whole number"] },
        { "id null on a request", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/list\"}", ["id", "null", "notification"] },
        { "jsonrpc 2", "{\"jsonrpc\":2,\"id\":1,\"method\":\"tools/list\"}", ["jsonrpc", "\"2.0\""] },
        { "jsonrpc missing", "{\"id\":1,\"method\":\"tools/list\"}", ["jsonrpc", "\"2.0\""] },
        { "method 1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":1}", ["method", "a string"] },
        { "method []", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":[]}", ["method", "a string"] },
        { "method {}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{}}", ["method", "a string"] },
        { "extra member", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"extra\":1}", ["'extra'", "jsonrpc, id, method, params"] },
        { "extra member first", "{\"debug\":true,\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", ["'debug'", "jsonrpc, id, method, params"] },
        { "neither method nor result", "{\"jsonrpc\":\"2.0\",\"id\":1}", ["method"] },
        { "error of the wrong shape", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"x\"}", ["error", "code", "message"] },
        { "batch", "[" + ToolsList + "]", ["one JSON-RPC 2.0 message", "batch"] },
        { "empty batch", "[]", ["one JSON-RPC 2.0 message"] },
    };

    [Theory]
    [MemberData(nameof(MalformedEnvelopes))]
    public async Task A_malformed_envelope_is_refused_in_the_products_words_naming_the_member(string name, string body, string[] expected)
    {
        var (status, payload) = await SendAsync(RawMcp.Post(body));

        Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {(int)status}");
        var message = RawMcp.ErrorMessage(payload);
        Assert.True(message is not null, $"{name}: no JSON-RPC error");
        foreach (var words in expected)
        {
            Assert.True(message.Contains(words, StringComparison.Ordinal), $"{name}: '{message}' does not say '{words}'");
        }

        AssertProductWording(message);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\\nFORGED\"}", "method")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"a\\r\\nb\",\"method\":\"tools/list\"}", "id")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"start_scan\\nFORGED\",\"arguments\":{}}}", "name")]
    public async Task Control_characters_in_a_method_tool_name_or_id_are_refused(string body, string member)
    {
        var (status, payload) = await SendAsync(RawMcp.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = RawMcp.ErrorMessage(payload)!;
        Assert.Contains(member, message, StringComparison.Ordinal);
        Assert.Contains("control characters", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public async Task The_endpoint_keeps_serving_after_refusals()
    {
        _ = await SendAsync(RawMcp.Post("{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"tools/list\"}"));

        var (status, payload) = await SendAsync(RawMcp.Post(ToolsList));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(payload?["result"]?["tools"]?.AsArray().Count > 10);
    }

    private static void AssertProductWording(string message)
    {
        foreach (var words in ParserWording)
        {
            Assert.DoesNotContain(words, message, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpStatusCode Status, JsonNode? Payload)> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Host.BaseUrl) };
        using (request)
        {
            using var response = await http.SendAsync(request);
            return (response.StatusCode, RawMcp.Payload(await response.Content.ReadAsStringAsync()));
        }
    }
}
