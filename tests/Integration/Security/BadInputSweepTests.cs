using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security;

/// <summary>
/// Hundreds of malformed requests to /mcp and /api — oversized bodies, broken JSON and JSON-RPC, wrong argument types
/// for every tool (from the tools' own schemas), huge arrays, control characters, path traversal, hostile patterns in
/// an imported policy, bad query parameters — must each get a 4xx or an MCP error that says what was wrong, never a
/// 500, never a stack trace or a server path; and the app must still answer a valid request afterwards.
/// </summary>
public sealed class BadInputSweepTests : IAsyncLifetime
{
    private const string AllTypes = "[\"all\"]";
    private SecuredAppHost _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = SecuredAppHost.Start(TestApiKeys.With(new Dictionary<string, string?>
        {
            ["FinOps:Limits:RateLimitBurst"] = "100000",
            ["FinOps:Limits:RateLimitPerPeriod"] = "100000",
        }));
        _http = _app.NewHttpClient();
        _http.Timeout = TimeSpan.FromSeconds(60);
        await _app.ScanAsync();
    }

    [Fact]
    public async Task Every_malformed_request_gets_a_clear_refusal_and_none_is_a_server_error()
    {
        var cases = new List<BadRequest>();
        cases.AddRange(McpEnvelopeCases());
        cases.AddRange(await ToolArgumentCasesAsync());
        cases.AddRange(ApiCases());
        Assert.True(cases.Count >= 200, $"the sweep has {cases.Count} cases");

        var failures = new List<string>();
        foreach (var bad in cases)
        {
            using var request = bad.Build();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request);
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"{bad.Name}: no answer ({ex.InnerException?.Message ?? ex.Message})");
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                if (Problem(response.StatusCode, body, bad.ExpectAccepted) is { } problem)
                {
                    failures.Add($"{bad.Name}: {(int)response.StatusCode} {problem} — {Shorten(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} answers were not clear refusals:\n" + string.Join("\n", failures.Take(40)));

        // Still serving: a valid tool call and a valid export.
        using var valid = await _http.SendAsync(Mcp(ToolCall("check_tag_compliance", $"{{\"resource_types\":{AllTypes}}}")));
        var answer = JsonRpcPayload(await valid.Content.ReadAsStringAsync());
        Assert.True(answer?["result"]?["isError"]?.GetValue<bool>() != true, $"valid call failed: {answer}");
        Assert.NotNull(answer?["result"]?["structuredContent"]?["compliance_score"]);
        using var export = await _http.SendAsync(Api("/api/violations.csv?severity=error"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>What is wrong with an answer to a malformed request, or null when it is a clear refusal.</summary>
    private string? Problem(HttpStatusCode status, string body, bool mayBeAccepted)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return "server error";
        }

        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal)
            || body.Contains(_app.DataPath, StringComparison.Ordinal) || body.Contains("/work/", StringComparison.Ordinal)
            || body.Contains("Exception", StringComparison.Ordinal))
        {
            return "leaks internals";
        }

        if (code is >= 400 and < 500)
        {
            return JsonRpcPayload(body)?["error"]?["message"]?.GetValue<string>() is { } refusal
                && refusal.StartsWith("An error occurred", StringComparison.Ordinal) ? "refused without saying why" : null;
        }

        if (code is not (200 or 202))
        {
            return "unexpected status";
        }

        if (mayBeAccepted)
        {
            // 202 Accepted has no body (a message that needs no answer); 200 carries a JSON-RPC answer.
            return code == 202 || JsonRpcPayload(body) is not null ? null : "no JSON-RPC answer";
        }

        var payload = JsonRpcPayload(body);
        if (payload?["error"]?["message"]?.GetValue<string>() is { Length: > 10 } message)
        {
            // The SDK's catch-all answer names nothing; every refusal must say what was wrong.
            return message.StartsWith("An error occurred", StringComparison.Ordinal) ? "refused without saying why" : null;
        }

        if (payload?["result"]?["isError"]?.GetValue<bool>() == true
            && payload["result"]!["content"]?[0]?["text"]?.GetValue<string>() is { Length: > 10 })
        {
            return null;
        }

        return "accepted as if it were valid, or refused without a message";
    }

    private static IEnumerable<BadRequest> McpEnvelopeCases()
    {
        var bodies = new (string Name, string Body)[]
        {
            ("empty body", ""),
            ("whitespace", "   \n\t "),
            ("unclosed object", "{"),
            ("unclosed array", "["),
            ("json null", "null"),
            ("json number", "42"),
            ("json string", "\"initialize\""),
            ("json true", "true"),
            ("truncated request", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\""),
            ("trailing garbage", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"} trailing"),
            ("nul bytes", "\0\0\0\0"),
            ("control characters", "\u0001\u0002\u0003{}"),
            ("byte order mark only", "\uFEFF"),
            ("single quotes", "{'jsonrpc':'2.0','id':1,'method':'tools/list'}"),
            ("comments", "/* hi */ {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"),
            ("deeply nested arrays", new string('[', 5000) + new string(']', 5000)),
            ("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)),
            ("deep params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000) + "}"),
            ("no jsonrpc member", "{\"id\":1,\"method\":\"tools/list\"}"),
            ("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}"),
            ("jsonrpc number", "{\"jsonrpc\":2,\"id\":1,\"method\":\"tools/list\"}"),
            ("no method", "{\"jsonrpc\":\"2.0\",\"id\":1}"),
            ("method number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}"),
            ("method null", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":null}"),
            ("empty method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}"),
            ("unknown method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/delete\"}"),
            ("rpc internal method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rpc.discover\"}"),
            ("id object", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"tools/list\"}"),
            ("id array", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"tools/list\"}"),
            ("id float", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"tools/list\"}"),
            ("params string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"check_tag_compliance\"}"),
            ("params array", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[\"check_tag_compliance\"]}"),
            ("params number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":5}"),
            ("tool call without params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}"),
            ("tool name missing", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}"),
            ("tool name number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":42}}"),
            ("tool name null", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":null}}"),
            ("unknown tool", ToolCall("drop_all_tables", "{}")),
            ("tool name with traversal", ToolCall("../../etc/passwd", "{}")),
            ("tool name with control characters", ToolCall("check_tag\u0000compliance", "{}")),
            ("very long tool name", ToolCall(new string('x', 100_000), "{}")),
            ("arguments string", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_regions\",\"arguments\":\"all\"}}"),
            ("arguments array", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_regions\",\"arguments\":[1,2]}}"),
            ("arguments number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_regions\",\"arguments\":3}}"),
            ("empty batch", "[]"),
            ("batch of garbage", "[1,2,3]"),
            ("large batch", "[" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"{{\"jsonrpc\":\"2.0\",\"id\":{i},\"method\":\"nope\"}}")) + "]"),
            ("resources read of a file", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///etc/passwd\"}}"),
            ("prompt get", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"../../x\"}}"),
            ("huge method", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + new string('a', 500_000) + "\"}"),
            ("invalid utf-8 escape", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\\uD800\"}"),
            ("initialize params empty", Initialize("{}")),
            ("initialize params string", Initialize("\"x\"")),
            ("initialize params number", Initialize("5")),
            ("initialize params array", Initialize("[]")),
            ("initialize without params", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}"),
            ("initialize without clientInfo", Initialize("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}")),
            ("initialize clientInfo without name", Initialize("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"version\":\"1\"}}")),
            ("initialize protocolVersion number", Initialize("{\"protocolVersion\":5,\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}")),
            ("initialize capabilities string", Initialize("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":\"all\",\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}")),
            ("meta number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_regions\",\"_meta\":5}}"),
            ("list cursor number", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":5}}"),
            ("unknown log level", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"nope\"}}"),
            ("log level missing", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{}}"),
        };
        foreach (var (name, body) in bodies)
        {
            yield return new BadRequest("mcp: " + name, () => Mcp(body));
        }

        // Well-formed but unusual: a response or error sent to the server (MCP clients answer server requests this
        // way) is acknowledged with 202, and a cursor the server does not use is ignored; none may fail the server.
        foreach (var (name, body) in new (string, string)[]
        {
            ("response instead of request", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"),
            ("error instead of request", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"x\"}}"),
            ("huge cursor", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"" + new string('a', 500_000) + "\"}}"),
            ("cursor with traversal", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"../../../\"}}"),
        })
        {
            yield return new BadRequest("mcp: " + name, () => Mcp(body), ExpectAccepted: true);
        }

        // The server closes a connection whose body it refused, so these go on their own connections.
        yield return new BadRequest("mcp: body over the limit (declared length)", () =>
        {
            var request = Mcp(new string(' ', 5 * 1024 * 1024));
            request.Headers.ConnectionClose = true;
            return request;
        });
        yield return new BadRequest("mcp: body over the limit (chunked)", () =>
        {
            var request = Mcp("");
            request.Content = new StreamContent(new MemoryStream(new byte[5 * 1024 * 1024]));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TransferEncodingChunked = true;
            request.Headers.ConnectionClose = true;
            return request;
        });
        yield return new BadRequest("mcp: wrong content type", () =>
        {
            var request = Mcp(ToolCall("list_regions", "{}"));
            request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            return request;
        });
        foreach (var charset in new[] { "bogus", "", "utf-16", "\"utf-8 \"" })
        {
            yield return new BadRequest($"mcp: charset '{charset}'", () =>
            {
                var request = Mcp(ToolCall("list_regions", "{}"));
                request.Content!.Headers.TryAddWithoutValidation("Content-Type", "x");
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
                return request;
            });
        }

        yield return new BadRequest("mcp: form content", () =>
        {
            var request = Mcp("");
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["method"] = "tools/list" });
            return request;
        });
        yield return new BadRequest("mcp: no accept header", () =>
        {
            var request = Mcp(ToolCall("list_regions", "{}"));
            request.Headers.Accept.Clear();
            return request;
        });
        yield return new BadRequest("mcp: foreign origin", () =>
        {
            var request = Mcp(ToolCall("list_regions", "{}"));
            request.Headers.Add("Origin", "https://attacker.example");
            return request;
        });
        yield return new BadRequest("mcp: unknown session", () =>
        {
            var request = Mcp(ToolCall("list_regions", "{}"));
            request.Headers.Add("Mcp-Session-Id", "../../not-a-session");
            return request;
        });
        yield return new BadRequest("mcp: put", () => new HttpRequestMessage(HttpMethod.Put, "/mcp") { Content = new StringContent("{}") });
        yield return new BadRequest("mcp: no credentials", () => Mcp(ToolCall("list_regions", "{}"), key: null));
        yield return new BadRequest("mcp: wrong key", () => Mcp(ToolCall("list_regions", "{}"), key: "fk_wrong"));
        yield return new BadRequest("mcp: key with control characters", () =>
        {
            var request = Mcp(ToolCall("list_regions", "{}"), key: null);
            request.Headers.TryAddWithoutValidation(RequestKinds.ApiKeyHeader, "fk\u0001\u0002");
            return request;
        });
        yield return new BadRequest("mcp: huge key", () => Mcp(ToolCall("list_regions", "{}"), key: new string('k', 6000)));
        yield return new BadRequest("mcp: malformed bearer", () =>
        {
            var request = Mcp(ToolCall("list_regions", "{}"), key: null);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.jwt");
            return request;
        });
    }

    /// <summary>For every tool: wrong types for each argument (from its schema), unknown arguments, hostile values.</summary>
    private async Task<IEnumerable<BadRequest>> ToolArgumentCasesAsync()
    {
        using var list = await _http.SendAsync(Mcp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"));
        var tools = JsonRpcPayload(await list.Content.ReadAsStringAsync())!["result"]!["tools"]!.AsArray();
        Assert.True(tools.Count >= 10, "tools/list lists the tools");
        var cases = new List<BadRequest>();
        foreach (var tool in tools)
        {
            var name = tool!["name"]!.GetValue<string>();
            var schema = tool["inputSchema"]!;
            var properties = schema["properties"]?.AsObject() ?? [];
            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            var baseline = new JsonObject();
            foreach (var key in required)
            {
                baseline[key] = Valid(key, properties[key]!);
            }

            cases.Add(Call(name, "unknown argument", With(baseline, "no_such_argument", JsonValue.Create(1))));
            foreach (var key in required)
            {
                var missing = (JsonObject)baseline.DeepClone();
                missing.Remove(key);
                cases.Add(Call(name, $"missing {key}", missing));
            }

            foreach (var (key, property) in properties)
            {
                var type = TypeOf(property!);
                foreach (var (label, wrong) in WrongValues(type))
                {
                    cases.Add(Call(name, $"{key} as {label}", With(baseline, key, wrong)));
                }

                foreach (var (label, hostile, mayBeAccepted) in HostileValues(type))
                {
                    cases.Add(Call(name, $"{key} {label}", With(baseline, key, hostile), mayBeAccepted));
                }
            }
        }

        // Patterns an attacker could hope to blow up: wildcard-heavy values, huge value lists, regex syntax in values.
        foreach (var (label, values) in new (string, IEnumerable<string>)[]
        {
            ("catastrophic wildcards", [string.Concat(Enumerable.Repeat("a*", 400)) + "!"]),
            ("regex syntax in values", ["(a+)+$", "(?<x>a)\\k<x>", "[z-a]", "(?=a)b*"]),
            ("ten thousand values", Enumerable.Range(0, 10_000).Select(i => $"value-{i}*")),
        })
        {
            var policy = new JsonObject
            {
                ["tags"] = new JsonObject
                {
                    ["team"] = new JsonObject
                    {
                        ["tag_key"] = new JsonObject { ["@@assign"] = "Team" },
                        ["tag_value"] = new JsonObject { ["@@assign"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]) },
                        ["enforced_for"] = new JsonObject { ["@@assign"] = new JsonArray("ec2:instance") },
                    },
                },
            };
            cases.Add(Call("import_aws_tag_policy", "policy with " + label, new JsonObject { ["policy_json"] = policy.ToJsonString(), ["apply"] = true }, expectAccepted: true));
        }

        cases.Add(Call("validate_resource_tags", "adversarial tag value for patterns",
            new JsonObject
            {
                ["resources"] = new JsonArray(new JsonObject
                {
                    ["resource_type"] = "ec2:instance",
                    ["tags"] = new JsonObject { ["Application"] = new string('a', 100_000) + "!" },
                }),
            }, expectAccepted: true));
        return cases;
    }

    private static IEnumerable<BadRequest> ApiCases()
    {
        var queries = new[]
        {
            "/api/reports/regions", "/api/reports/regions?format=", "/api/reports/regions?format=exe", "/api/reports/regions?format=..%2F..%2Fetc%2Fpasswd",
            "/api/reports/regions?format=%00", "/api/reports/regions?format=pdf&period=2026-13", "/api/reports/regions?format=pdf&period=9999-99",
            "/api/reports/regions?format=pdf&period=..", "/api/reports/regions?format=pdf&period=2026-01-01..2025-01-01",
            "/api/reports/regions?format=pdf&period=..%2F..%2F", "/api/reports/regions?format=pdf&period=%0A2026%0D", "/api/reports/regions?format=pdf&metric=blended",
            "/api/reports/regions?format=pdf&regions=..%2F..%2Fetc%2Fpasswd", "/api/reports/regions?format=csv&regions=eu-west-1%00", "/api/reports/regions?format=csv&regions=%3Cscript%3E",
            "/api/reports/regions?format=xlsx&regions=" + string.Join(",", Enumerable.Range(0, 300).Select(i => $"r{i}")),
            "/api/reports/regions?format=pdf&format=csv&format=xlsx", "/api/reports/regions?format[]=pdf",
            "/api/violations.csv?severity=critical", "/api/violations.csv?severity=%00", "/api/violations.csv?columns=arn,password",
            "/api/violations.csv?columns=" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"c{i}")), "/api/violations.csv?columns=..%2F..",
            "/api/violations.csv?regions=..%5C..%5Cwindows", "/api/violations.csv?regions=%E2%80%AE", "/api/violations.csv?regions=,,eu-nowhere-9,,",
            "/api/violations.csv?severity=" + new string('e', 2000), "/api/violations.csv?" + new string('a', 20_000),
            "/api/..%2F..%2Fetc%2Fpasswd", "/api/%2e%2e/%2e%2e/appsettings.json", "/api/reports/..%2F..%2Fappsettings.json", "/api/nothing-here",
            "/api/violations.csv/extra", "/api/reports/regions.php", "/openapi/../appsettings.json",
        };
        foreach (var path in queries)
        {
            yield return new BadRequest("api: GET " + (path.Length > 80 ? path[..80] + "…" : path), () => Api(path));
        }

        yield return new BadRequest("api: POST with a large body", () =>
        {
            var request = Api("/api/violations.csv", HttpMethod.Post);
            request.Content = new StringContent(new string('x', 1024 * 1024));
            request.Headers.ConnectionClose = true;
            return request;
        });
        yield return new BadRequest("api: DELETE", () => Api("/api/violations.csv", HttpMethod.Delete));
        yield return new BadRequest("api: no credentials for a key-only caller", () =>
        {
            var request = Api("/api/violations.csv");
            request.Headers.Remove(RequestKinds.ApiKeyHeader);
            request.Headers.Add(RequestKinds.ApiKeyHeader, "wrong");
            return request;
        });
        yield return new BadRequest("api: viewer key", () =>
        {
            var request = Api("/api/violations.csv");
            request.Headers.Remove(RequestKinds.ApiKeyHeader);
            request.Headers.Add(RequestKinds.ApiKeyHeader, TestApiKeys.Viewer);
            return request;
        });
        yield return new BadRequest("api: many headers", () =>
        {
            var request = Api("/api/violations.csv");
            for (var i = 0; i < 200; i++)
            {
                request.Headers.TryAddWithoutValidation($"X-Filler-{i}", new string('f', 500));
            }

            return request;
        });
        yield return new BadRequest("api: foreign host", () =>
        {
            var request = Api("/api/violations.csv");
            request.Headers.Host = "evil.example";
            return request;
        });
    }

    private static BadRequest Call(string tool, string label, JsonObject arguments, bool expectAccepted = false) =>
        new($"mcp tool {tool}: {label}", () => Mcp(ToolCall(tool, arguments.ToJsonString())), expectAccepted);

    private static JsonObject With(JsonObject baseline, string key, JsonNode? value)
    {
        var copy = (JsonObject)baseline.DeepClone();
        copy[key] = value?.DeepClone();
        return copy;
    }

    private static string TypeOf(JsonNode property) => property["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).First(t => t != "null"),
        JsonValue type => type.GetValue<string>(),
        _ => "any",
    };

    /// <summary>A value of the right type, so only the argument under test is wrong.</summary>
    private static JsonNode Valid(string name, JsonNode property) => TypeOf(property) switch
    {
        "array" when name is "resource_types" => new JsonArray("all"),
        "array" when name is "resources" => new JsonArray(new JsonObject { ["resource_type"] = "ec2:instance", ["tags"] = new JsonObject() }),
        "array" => new JsonArray(),
        "integer" or "number" => 1,
        "boolean" => false,
        "object" => new JsonObject(),
        _ when name is "policy_json" => "{\"tags\":{}}",
        _ when name is "scan_id" => "scan-unknown",
        _ => "x",
    };

    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues(string type)
    {
        if (type != "string")
        {
            yield return ("a string", "not-the-right-type");
        }

        if (type is not ("integer" or "number"))
        {
            yield return ("a number", 12345);
        }

        if (type != "boolean")
        {
            yield return ("a boolean", true);
        }

        if (type != "object")
        {
            yield return ("an object", new JsonObject { ["a"] = 1 });
        }

        if (type != "array")
        {
            yield return ("an array", new JsonArray(1, 2));
        }
    }

    /// <summary>Hostile values of the right type; some are valid by the tool's schema (nulls in lists, fractions of a number) and may be answered.</summary>
    private static IEnumerable<(string Label, JsonNode? Value, bool MayBeAccepted)> HostileValues(string type)
    {
        switch (type)
        {
            case "string":
                yield return ("with path traversal", "../../../../etc/passwd", false);
                yield return ("with control characters", "a\u0000b\u0007c\r\nd", false);
                yield return ("of 200,000 characters", new string('z', 200_000), false);
                break;
            case "array":
                yield return ("with path traversal", new JsonArray("../../../../etc/passwd", "..\\..\\windows"), false);
                yield return ("with control characters", new JsonArray("eu-west-1\u0000", "\u001b[31m"), false);
                yield return ("of 100,000 items", new JsonArray([.. Enumerable.Range(0, 100_000).Select(i => (JsonNode)JsonValue.Create($"i{i}")!)]), false);
                yield return ("of nulls", new JsonArray(null, null), true);
                break;
            case "integer":
                yield return ("negative", -1, false);
                yield return ("huge", JsonValue.Create(long.MaxValue), false);
                yield return ("fractional", 1.5, false);
                break;
            case "number":
                yield return ("negative", -1, false);
                yield return ("huge", 1e308, true);
                yield return ("fractional", 1.5, true);
                break;
        }
    }

    private static string Initialize(string paramsJson) =>
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":" + paramsJson + "}";

    private static string ToolCall(string tool, string argumentsJson) =>
        $"{{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{{\"name\":{JsonSerializer.Serialize(tool)},\"arguments\":{argumentsJson}}}}}";

    private static HttpRequestMessage Mcp(string body, string? key = TestApiKeys.Admin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (key is not null)
        {
            request.Headers.Add(RequestKinds.ApiKeyHeader, key);
        }

        return request;
    }

    private static HttpRequestMessage Api(string path, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Add(RequestKinds.ApiKeyHeader, TestApiKeys.Manager);
        return request;
    }

    /// <summary>The JSON-RPC message of a response body (plain JSON or the first data line of an SSE stream).</summary>
    private static JsonNode? JsonRpcPayload(string body)
    {
        var text = body.TrimStart();
        if (text.StartsWith("event:", StringComparison.Ordinal) || text.StartsWith("data:", StringComparison.Ordinal))
        {
            text = string.Join("", text.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].Trim()).Take(1));
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length > 240 ? text[..240] + "…" : text;

    /// <summary>One malformed request; <see cref="ExpectAccepted"/> marks hostile-but-valid input that may succeed.</summary>
    private sealed record BadRequest(string Name, Func<HttpRequestMessage> Build, bool ExpectAccepted = false);
}
