using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FinOps.Tests.Integration.Mcp;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FinOps.Tests.Integration.Security.Sweep;

/// <summary>
/// The bad-input sweep as a property: JSON-RPC messages, tool arguments, query strings, route values, headers, bodies
/// and credentials are generated (FsCheck, fixed seeds plus one bounded random batch) for every tool <c>tools/list</c>
/// lists and every endpoint the app maps (its endpoint data source, with query parameters from the OpenAPI document),
/// so tools and endpoints added later are swept without editing this test. No answer may be a 5xx, carry an exception,
/// a .NET type name, a server path, a key or a token; and the app must still answer valid calls afterwards.
/// </summary>
public sealed class HostileInputSweepProperties(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Fixed seeds: the same cases on every run, so a failure is reproduced by running the test again.</summary>
    private static readonly ulong[] FixedSeeds = [20261207, 4242];

    private const int McpCasesPerSeed = 220;
    private const int HttpCasesPerSeed = 120;
    private const int CasesPerEndpoint = 3;

    /// <summary>A bounded batch from a fresh seed (printed on failure; set FINOPS_SWEEP_SEED to replay it).</summary>
    private const int RandomCases = 60;

    private const string McpPath = "/mcp";

    private readonly string _marker = "sweep" + Guid.NewGuid().ToString("N")[..12];
    private SecuredAppHost _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = SecuredAppHost.Start(KeyedAppFixture.Settings());
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // Hostile header values may be non-ASCII: send them as UTF-8 bytes rather than refuse them in the client.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        })
        {
            BaseAddress = new Uri(_app.BaseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        await _app.ScanAsync();
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task No_generated_request_to_any_tool_or_endpoint_gets_a_server_error_or_leaks_internals()
    {
        var tools = await DiscoverToolsAsync();
        var endpoints = await DiscoverEndpointsAsync();
        Assert.True(tools.Count >= 10, "tools/list lists the tools");
        Assert.Contains(endpoints, e => e.Pattern == "/api/reports/regions" && e.QueryParameters.Contains("period"));
        Assert.Contains(endpoints, e => e.Pattern.TrimEnd('/') == McpPath);
        output.WriteLine($"Sweeping {tools.Count} tools and {endpoints.Count} endpoints: {string.Join(", ", endpoints.Select(e => e.Pattern))}");

        var randomSeed = Environment.GetEnvironmentVariable("FINOPS_SWEEP_SEED") is { Length: > 0 } replay
            ? ulong.Parse(replay, System.Globalization.CultureInfo.InvariantCulture)
            : (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        var cases = new List<(string Origin, SweepRequest Request)>();
        foreach (var seed in FixedSeeds)
        {
            cases.AddRange(Cases(tools, endpoints, seed, McpCasesPerSeed, HttpCasesPerSeed, CasesPerEndpoint).Select(c => ($"seed {seed}", c)));
        }

        cases.AddRange(Cases(tools, endpoints, randomSeed, RandomCases / 2, RandomCases / 2, 0).Select(c => ($"random seed {randomSeed}", c)));

        // The policy page shows readers where the policy file is stored; that path is its content, not a leak.
        var policyFile = _app.Services.GetRequiredService<FinOps.Domain.Policy.PolicyService>().Location;
        var check = new AnswerCheck([TestApiKeys.Viewer, TestApiKeys.Analyst, TestApiKeys.Manager, TestApiKeys.Admin, _marker], ServerPaths(),
            [new ShownOnPurpose("/policy", policyFile)]);
        var failures = new List<string>();
        var unsendable = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (origin, request) in cases)
        {
            using var message = request.ToMessage();
            if (message is null)
            {
                unsendable++;
                continue;
            }

            if (await SendAsync(message, request, check) is { } problem)
            {
                failures.Add($"[{origin}] {problem} — {request}");
            }
        }

        output.WriteLine($"{cases.Count} cases ({unsendable} not expressible by the HTTP client) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} answers were unacceptable. By kind:\n" + Summary(failures));
        Assert.True(unsendable < cases.Count / 10, $"{unsendable} of {cases.Count} generated requests could not be sent");

        await AssertStillServingAsync();
    }

    /// <summary>Failures grouped by what was wrong: a count and the first two requests of each kind.</summary>
    private static string Summary(List<string> failures) =>
        string.Join("\n", failures
            .GroupBy(f => f[(f.IndexOf(']', StringComparison.Ordinal) + 2)..f.IndexOf(" — ", StringComparison.Ordinal)], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} × {g.Key}:\n    " + string.Join("\n    ", g.Take(2))));

    /// <summary>The cases of one seed: JSON-RPC messages and tool calls to /mcp, requests to any endpoint, and a few to each endpoint.</summary>
    private List<SweepRequest> Cases(IReadOnlyList<DiscoveredTool> tools, IReadOnlyList<DiscoveredEndpoint> endpoints, ulong seed,
        int mcpCases, int httpCases, int perEndpoint)
    {
        var requests = new HostileRequests(endpoints, _marker);
        var mcp =
            from body in new JsonRpcMessages(tools).Any
            from credentials in requests.Credentials
            from headers in Gen.Frequency((4, Gen.Constant(Array.Empty<KeyValuePair<string, string>>())), (1, HostileRequests.ExtraHeaders))
            select new SweepRequest("POST", McpPath, [new("Accept", "application/json, text/event-stream"), .. credentials, .. headers], body, "application/json");
        var all = new List<SweepRequest>();
        all.AddRange(Gen.Sample(mcp, 30, new Rnd(seed), mcpCases));
        all.AddRange(Gen.Sample(requests.Any, 30, new Rnd(seed + 1), httpCases));
        for (var i = 0; i < endpoints.Count && perEndpoint > 0; i++)
        {
            all.AddRange(Gen.Sample(requests.To(endpoints[i]), 20, new Rnd(seed + 2 + (ulong)i), perEndpoint));
        }

        return all;
    }

    /// <summary>Sends one case and checks its answer; null when the answer is acceptable.</summary>
    private async Task<string?> SendAsync(HttpRequestMessage message, SweepRequest request, AnswerCheck check)
    {
        // An answer that streams (an SSE stream left open) is read for a moment only: what matters is how it starts.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, patience.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return $"no answer ({ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message})";
        }

        using (response)
        {
            var body = await ReadSomeAsync(response, patience.Token);
            return check.Problem(request.Text, (int)response.StatusCode, response.Headers, response.Content?.Headers, body);
        }
    }

    /// <summary>The body, up to 2 MB; an event stream only until its first event.</summary>
    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var isStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[16 * 1024];
        using var collected = new MemoryStream();
        try
        {
            int read;
            while (collected.Length < 2 * 1024 * 1024 && (read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                collected.Write(buffer, 0, read);
                if (isStream && Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length).Contains("\n\n", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException)
        {
            // The server ended the stream (a refused body, a closed connection): judge what arrived.
        }

        return Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
    }

    /// <summary>The tools of the running app, from <c>tools/list</c>.</summary>
    private async Task<IReadOnlyList<DiscoveredTool>> DiscoverToolsAsync()
    {
        using var request = RawMcp.Post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", TestApiKeys.Admin);
        using var response = await _http.SendAsync(request);
        var payload = RawMcp.Payload(await response.Content.ReadAsStringAsync());
        return DiscoveredTool.FromList(payload!["result"]!);
    }

    /// <summary>
    /// The app's endpoints from its endpoint data source (static files left out: they take no input), with the query
    /// parameters the OpenAPI document names for them.
    /// </summary>
    private async Task<IReadOnlyList<DiscoveredEndpoint>> DiscoverEndpointsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Add(RequestKinds.ApiKeyHeader, TestApiKeys.Admin);
        using var response = await _http.SendAsync(request);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var queryNames = (document["paths"]?.AsObject() ?? []).ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<string>)[.. p.Value!.AsObject().SelectMany(op => op.Value?["parameters"]?.AsArray() ?? [])
                .Where(parameter => parameter?["in"]?.GetValue<string>() == "query")
                .Select(parameter => parameter!["name"]!.GetValue<string>()).Distinct(StringComparer.Ordinal)],
            StringComparer.OrdinalIgnoreCase);

        return [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Namespace == "Microsoft.AspNetCore.StaticAssets"))
            .Select(e => new DiscoveredEndpoint(
                e.RoutePattern.RawText ?? "/",
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [],
                [.. e.RoutePattern.Parameters.Select(p => p.Name)],
                queryNames.GetValueOrDefault("/" + (e.RoutePattern.RawText ?? "").TrimStart('/')) ?? []))
            .DistinctBy(e => (e.Pattern, string.Join(",", e.Methods)))];
    }

    /// <summary>Where the app lives on disk: none of it may reach a client.</summary>
    private IReadOnlyList<string> ServerPaths()
    {
        var environment = _app.Services.GetRequiredService<IWebHostEnvironment>();
        return [.. new[] { _app.DataPath, environment.ContentRootPath, AppContext.BaseDirectory }
            .Select(p => p.TrimEnd('/', '\\')).Where(p => p.Length > 1).Distinct(StringComparer.Ordinal)];
    }

    private async Task AssertStillServingAsync()
    {
        using var call = RawMcp.Post(RawMcp.ToolCall("check_tag_compliance", "{\"resource_types\":[\"all\"],\"limit\":1}"), TestApiKeys.Admin);
        using var answer = await _http.SendAsync(call);
        var payload = RawMcp.Payload(await answer.Content.ReadAsStringAsync());
        Assert.False(RawMcp.IsToolError(payload), $"a valid call failed after the sweep: {payload}");
        Assert.NotNull(payload?["result"]?["structuredContent"]?["compliance_score"]);

        using var export = new HttpRequestMessage(HttpMethod.Get, "/api/violations.csv?severity=error");
        export.Headers.Add(RequestKinds.ApiKeyHeader, TestApiKeys.Manager);
        using var csv = await _http.SendAsync(export);
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);

        using var page = await _http.GetAsync(new Uri("/costs", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
