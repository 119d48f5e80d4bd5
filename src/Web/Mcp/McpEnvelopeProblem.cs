namespace FinOps.Web.Mcp;

/// <summary>What is wrong with a JSON-RPC message posted to <c>/mcp</c>: the JSON-RPC error code and a sentence for people.</summary>
public sealed record McpEnvelopeProblem(int Code, string Message)
{
    /// <summary>The body is not JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid JSON-RPC message (envelope members).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The method's parameters are not what it takes.</summary>
    public const int InvalidParams = -32602;

    public static McpEnvelopeProblem Request(string message) => new(InvalidRequest, message);

    public static McpEnvelopeProblem Params(string message) => new(InvalidParams, message);
}
