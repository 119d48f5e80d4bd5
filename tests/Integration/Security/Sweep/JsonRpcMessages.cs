using FsCheck;
using FsCheck.Fluent;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>
/// Generators of JSON-RPC messages for <c>/mcp</c>, as text: envelopes with members of every kind and type, the MCP
/// methods with parameters of roughly the right shape and hostile values, tool calls of every discovered tool with
/// arguments built from its schema (right, wrong and hostile values, missing and unknown ones), and broken JSON.
/// </summary>
public sealed class JsonRpcMessages(IReadOnlyList<DiscoveredTool> tools)
{
    private static readonly string[] Methods =
    [
        "initialize", "ping", "tools/list", "tools/call", "logging/setLevel", "resources/list", "resources/read",
        "resources/templates/list", "resources/subscribe", "prompts/list", "prompts/get", "completion/complete",
        "notifications/initialized", "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed",
        "tasks/get", "tasks/list", "sampling/createMessage", "elicitation/create",
    ];

    private static readonly string[] Members = ["jsonrpc", "id", "method", "params", "result", "error"];

    /// <summary>Any message: mostly envelopes around the MCP methods, some tool calls, some broken JSON.</summary>
    public Gen<string> Any => Gen.Frequency(
        (5, Envelope),
        (4, ToolCall),
        (1, Broken));

    /// <summary>A tool call of a discovered tool with generated arguments, in a valid envelope.</summary>
    public Gen<string> ToolCall =>
        from tool in Gen.Elements(tools.ToArray())
        from arguments in Arguments(tool)
        from id in Gen.Choose(1, 1_000_000)
        select $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"tools/call\",\"params\":{{\"name\":{HostileValues.Quote(tool.Name, false)},\"arguments\":{arguments}}}}}";

    /// <summary>An envelope with each member present or not, of the right type or not, and sometimes an extra member.</summary>
    public Gen<string> Envelope =>
        from jsonrpc in Gen.Frequency((9, Gen.Constant("\"2.0\"")), (1, HostileValues.JsonValue(1)))
        from id in Gen.Frequency(
            (4, Gen.Choose(-5, 1_000_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (2, HostileValues.StringLiteral),
            (2, HostileValues.NumberText),
            (1, HostileValues.JsonValue(1)))
        from method in Gen.Frequency((8, Gen.Elements(Methods)), (2, HostileValues.Text))
        from methodValue in Gen.Frequency((9, Gen.Constant(HostileValues.Quote(method, false))), (1, HostileValues.JsonValue(1)))
        from parameters in Gen.Frequency((6, Params(method)), (2, HostileValues.JsonValue(2)))
        from present in Gen.Elements(true, true, true, false).ArrayOf(Members.Length)
        from extra in Gen.Frequency((9, Gen.Constant("")), (1, HostileValues.StringLiteral.Select(n => n + ":1")))
        select Join([
            present[0] ? "\"jsonrpc\":" + jsonrpc : "",
            present[1] ? "\"id\":" + id : "",
            present[2] || !present[3] ? "\"method\":" + methodValue : "",
            present[3] ? "\"params\":" + parameters : "",
            !present[2] && present[4] ? "\"result\":{}" : "",
            !present[2] && present[5] ? "\"error\":" + parameters : "",
            extra,
        ]);

    /// <summary>Text that is not one well-formed JSON object: truncated, doubled, wrapped in a batch, or noise.</summary>
    public Gen<string> Broken =>
        from message in Envelope
        from cut in Gen.Choose(0, 100)
        from how in Gen.Choose(0, 4)
        select how switch
        {
            0 => message[..(message.Length * cut / 100)],
            1 => message + message,
            2 => "[" + message + "," + message + "]",
            3 => message.Replace("\"", "'", StringComparison.Ordinal),
            _ => message + " trailing",
        };

    /// <summary>Parameters of roughly the shape <paramref name="method"/> expects, with hostile values.</summary>
    private Gen<string> Params(string method)
    {
        var value = HostileValues.JsonValue(1);
        var text = HostileValues.StringLiteral;
        return method switch
        {
            "initialize" =>
                from version in Gen.Frequency((3, Gen.Constant("\"2025-06-18\"")), (1, value))
                from capabilities in Gen.Frequency((2, Gen.Constant("{}")), (3, Object(["sampling", "roots", "elicitation", "experimental", "tasks"], value)))
                from name in text
                from clientVersion in text
                select $"{{\"protocolVersion\":{version},\"capabilities\":{capabilities},\"clientInfo\":{{\"name\":{name},\"version\":{clientVersion}}}}}",
            "tools/call" =>
                from name in Gen.Frequency((3, Gen.Elements(tools.Select(t => HostileValues.Quote(t.Name, false)).ToArray())), (1, text))
                from arguments in Gen.Frequency((3, Gen.Constant("{}")), (1, value))
                from meta in Gen.Frequency((3, Gen.Constant("")), (1, value.Select(v => ",\"_meta\":{\"progressToken\":" + v + "}")))
                select $"{{\"name\":{name},\"arguments\":{arguments}{meta}}}",
            "logging/setLevel" => Object(["level"], Gen.Frequency((1, Gen.Constant("\"debug\"")), (2, value))),
            "notifications/cancelled" => Object(["requestId", "reason"], value),
            "notifications/progress" => Object(["progressToken", "progress", "total", "message"], value),
            "resources/read" or "resources/subscribe" => Object(["uri"], value),
            "prompts/get" => Object(["name", "arguments"], value),
            "completion/complete" => Object(["ref", "argument", "context"], value),
            _ => Object(["cursor", "_meta"], value),
        };
    }

    /// <summary>Arguments for a tool: each schema argument left out, right, hostile or of another type; sometimes an unknown one.</summary>
    private static Gen<string> Arguments(DiscoveredTool tool)
    {
        var members = tool.Arguments.Select(argument =>
            Gen.Frequency(
                (argument.Required ? 1 : 4, Gen.Constant("")),
                (5, Plausible(argument)),
                (2, Hostile(argument)),
                (1, HostileValues.JsonValue(1)))
            .Select(v => v.Length == 0 ? "" : HostileValues.Quote(argument.Name, false) + ":" + v));
        var unknown = Gen.Frequency((9, Gen.Constant("")), (1, HostileValues.StringLiteral.Select(n => n + ":1")));
        return Gen.CollectToList(members.Append(unknown)).Select(Join);
    }

    /// <summary>A value of the argument's type that a caller could mean.</summary>
    private static Gen<string> Plausible(ToolArgument argument)
    {
        if (argument.EnumValues.Count > 0 && argument.Type != "array")
        {
            return Gen.Elements(argument.EnumValues.ToArray());
        }

        var word = Gen.Elements("all", "ec2:instance", "s3:bucket", "rds:db", "eu-west-1", "us-east-1", "global", "error", "warning",
            "last-month", "month-to-date", "2026-10", "region", "service", "markdown", "json", "csv", "unblended", "amortized",
            "CostCenter", "Owner", "arn", "tag_key", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc1234").Select(w => HostileValues.Quote(w, false));
        return argument.Type switch
        {
            "array" => (argument.EnumValues.Count > 0 ? Gen.Elements(argument.EnumValues.ToArray()) : word).ListOf().Select(items => "[" + string.Join(",", items.Take(5)) + "]"),
            "integer" => Gen.Choose(0, 600).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "number" => Gen.Elements("0", "1", "10.5", "100"),
            "boolean" => Gen.Elements("true", "false"),
            "object" => Gen.Constant("{}"),
            _ => word,
        };
    }

    /// <summary>A hostile value of the argument's type.</summary>
    private static Gen<string> Hostile(ToolArgument argument) => argument.Type switch
    {
        "array" => HostileValues.StringLiteral.ListOf().Select(items => "[" + string.Join(",", items.Take(8)) + "]"),
        "integer" or "number" => HostileValues.NumberText,
        "boolean" => HostileValues.JsonValue(0),
        _ => HostileValues.StringLiteral,
    };

    private static Gen<string> Object(string[] names, Gen<string> value) =>
        Gen.CollectToList(names.Select(name => Gen.Frequency((1, Gen.Constant("")), (2, value.Select(v => $"\"{name}\":{v}")))))
            .Select(Join);

    private static string Join(IEnumerable<string> members) => "{" + string.Join(",", members.Where(m => m.Length > 0)) + "}";
}
