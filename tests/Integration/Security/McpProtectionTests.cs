using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FinOps.Domain.Policy;
using FinOps.Tests.Integration.Mcp;
using FinOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;

namespace FinOps.Tests.Integration.Security;

/// <summary>/mcp with sign-in configured: bearer tokens of the provider (audience = the MCP URL), scopes per tool, API keys.</summary>
[Collection(ProviderCollection.Name)]
public sealed class McpProtectionTests : IAsyncLifetime
{
    private const string Initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private const string AllTypes = "{\"resource_types\":[\"all\"]}";

    private readonly OidcTestProvider _provider;
    private readonly CapturedLogs _logs = new();
    private SecuredAppHost _app = null!;

    public McpProtectionTests(OidcTestProvider provider) => _provider = provider;

    public Task InitializeAsync()
    {
        _app = SecuredAppHost.StartSignedIn(_provider,
            TestApiKeys.With(new Dictionary<string, string?> { ["Logging:LogLevel:FinOps.Audit"] = "Information" }),
            services => services.AddSingleton<ILoggerProvider>(_logs));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Mcp_without_a_token_is_401_with_the_resource_metadata_header()
    {
        using var http = _app.NewHttpClient();

        using var response = await PostAsync(http, Initialize);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer ", challenge);
        Assert.Contains($"resource_metadata=\"{_app.BaseUrl}{FinOpsSecurityExtensions.ProtectedResourceMetadataPath}\"", challenge);
    }

    [Fact]
    public async Task A_client_credentials_token_with_the_right_audience_and_scope_calls_check_tag_compliance()
    {
        var token = await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", _app.McpUrl);
        await using var client = await ConnectAsync(bearer: token);

        var answer = await client.AnswerAsync("check_tag_compliance", AllTypes);

        Assert.InRange(answer.GetProperty("compliance_score").GetDouble(), 0, 100);
    }

    [Fact]
    public async Task Wrong_audience_expired_and_tampered_tokens_get_401_and_a_token_without_finops_scopes_gets_403()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var valid = await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", _app.McpUrl);
        var cases = new (string Name, string Token, HttpStatusCode Expected)[]
        {
            ("valid", valid, HttpStatusCode.OK),
            ("wrong audience", await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", "https://other.example/mcp"), HttpStatusCode.Unauthorized),
            ("expired", await _provider.SignAsync(new Dictionary<string, object>
            {
                ["iss"] = _provider.Issuer, ["aud"] = _app.McpUrl, ["sub"] = "mcp-reader", ["client_id"] = "mcp-reader",
                ["scope"] = "finops:read", ["iat"] = now - 7200, ["exp"] = now - 3600,
            }), HttpStatusCode.Unauthorized),
            ("tampered", valid[..^4] + (valid[^4] == 'A' ? "B" : "A") + valid[^3..], HttpStatusCode.Unauthorized),
            ("missing scope", await _provider.ClientCredentialsTokenAsync("mcp-noscope", "unrelated:read", _app.McpUrl), HttpStatusCode.Forbidden),
        };

        using var http = _app.NewHttpClient();
        foreach (var (name, token, expected) in cases)
        {
            using var response = await PostAsync(http, Initialize, bearer: token);
            Assert.True(expected == response.StatusCode, $"{name} token: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Each_tool_checks_its_scope_scanning_and_exporting_need_their_own()
    {
        var reader = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", _app.McpUrl));
        var scanner = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-scanner", "finops:read finops:scan", _app.McpUrl));
        var exporter = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-exporter", "finops:read finops:export", _app.McpUrl));
        await using (reader)
        await using (scanner)
        await using (exporter)
        {
            Assert.Contains("start_scan needs the finops:scan scope", await reader.ErrorAsync("start_scan", AllTypes));
            Assert.Contains("force_refresh=true starts a scan, which needs the finops:scan scope",
                await reader.ErrorAsync("check_tag_compliance", "{\"resource_types\":[\"all\"],\"force_refresh\":true}"));
            Assert.Contains("needs the finops:export scope", await reader.ErrorAsync("export_violations_csv", "{}"));
            Assert.Contains("needs the finops:export scope", await scanner.ErrorAsync("generate_compliance_report", "{}"));

            var started = await scanner.AnswerAsync("start_scan", "{\"resource_types\":[\"all\"],\"force_refresh\":true}");
            Assert.False(string.IsNullOrEmpty(started.GetProperty("scan_id").GetString()));
            var csv = await exporter.AnswerAsync("export_violations_csv", "{\"max_rows\":5}");
            Assert.StartsWith("region,", csv.GetProperty("csv").GetString());
        }

        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7006 && e.Message.StartsWith("mcp-reader was refused MCP tool start_scan"));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7003 && e.Message.StartsWith("mcp-scanner started a scan via mcp:start_scan"));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7004 && e.Message.StartsWith("mcp-exporter exported via mcp:export_violations_csv"));
    }

    [Fact]
    public async Task A_narrower_question_no_cached_scan_answers_starts_a_scan_only_for_a_caller_who_may_scan()
    {
        // Nobody has scanned EBS volumes alone, so answering needs a scan of its own: a reader is told so instead.
        const string Volumes = "{\"resource_types\":[\"ec2:volume\"],\"limit\":1}";
        var reader = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", _app.McpUrl));
        var scanner = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-scanner", "finops:read finops:scan", _app.McpUrl));
        await using (reader)
        await using (scanner)
        {
            var refused = await reader.ErrorAsync("check_tag_compliance", Volumes);
            Assert.Contains("no cached scan answers this question (resource types ec2:volume", refused);
            Assert.Contains("needs the finops:scan scope", refused);
            Assert.Contains("needs the finops:scan scope", await reader.ErrorAsync("find_untagged_resources", Volumes));
            Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id == 7003);

            var answered = await scanner.AnswerAsync("check_tag_compliance", Volumes);
            Assert.False(answered.GetProperty("from_cache").GetBoolean());

            // Once scanned, the same question is a cached answer, which reading is enough for.
            var cached = await reader.AnswerAsync("check_tag_compliance", Volumes);
            Assert.True(cached.GetProperty("from_cache").GetBoolean());
            Assert.Equal(answered.GetProperty("scan_id").GetString(), cached.GetProperty("scan_id").GetString());
        }

        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7003
            && e.Message.StartsWith("mcp-scanner started a scan via mcp:check_tag_compliance: no cached scan answered: types ec2:volume"));
    }

    [Fact]
    public async Task A_reader_keeps_the_scan_of_every_type_fresh_and_the_scan_is_recorded()
    {
        await using var reader = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", _app.McpUrl));

        var answer = await reader.AnswerAsync("check_tag_compliance", "{\"resource_types\":[\"all\"],\"regions\":[\"eu-west-1\"],\"limit\":1}");

        Assert.False(answer.GetProperty("from_cache").GetBoolean());
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7003
            && e.Message.StartsWith("mcp-reader started a scan via mcp:check_tag_compliance: no cached scan answered: types all; eu-west-1"));
    }

    [Fact]
    public async Task Applying_an_imported_policy_needs_the_policy_write_scope()
    {
        const string Import = "{\"policy_json\":\"{\\\"tags\\\":{\\\"team\\\":{\\\"tag_key\\\":{\\\"@@assign\\\":\\\"Team\\\"},\\\"enforced_for\\\":{\\\"@@assign\\\":[\\\"ec2:instance\\\"]}}}}\",\"apply\":true}";
        var policies = _app.Services.GetRequiredService<PolicyService>();
        var before = (await policies.GetPolicyAsync(CancellationToken.None)).ContentHash;
        await using var scanner = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-scanner", "finops:read finops:scan", _app.McpUrl));
        await using var admin = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-admin",
            "finops:read finops:scan finops:export finops:policy:write", _app.McpUrl));

        var refused = await scanner.ErrorAsync("import_aws_tag_policy", Import);
        Assert.Contains("needs the finops:policy:write scope", refused);
        Assert.Equal(before, (await policies.GetPolicyAsync(CancellationToken.None)).ContentHash);

        var applied = await admin.AnswerAsync("import_aws_tag_policy", Import);

        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.NotEqual(before, (await policies.GetPolicyAsync(CancellationToken.None)).ContentHash);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7005 && e.Message.StartsWith("mcp-admin changed the tagging policy via mcp:import_aws_tag_policy"));
    }

    [Fact]
    public async Task Requesting_a_waiver_needs_the_waiver_request_scope_and_every_request_and_refusal_is_audited()
    {
        var reader = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-reader", "finops:read", _app.McpUrl));
        var requester = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-requester", "finops:read finops:waiver:request", _app.McpUrl));
        var expires = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var request = $$"""{"arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-0waiver","reason":"legacy","expires_at":"{{expires}}"}""";
        await using (reader)
        await using (requester)
        {
            Assert.Contains("request_waiver needs the finops:waiver:request scope", await reader.ErrorAsync("request_waiver", request));
            var listed = await reader.AnswerAsync("list_waivers", "{}");
            Assert.Equal(0, listed.GetProperty("count").GetInt32());

            var requested = await requester.AnswerAsync("request_waiver", request);
            Assert.Equal("pending", requested.GetProperty("status").GetString());
            Assert.Equal("mcp-requester", requested.GetProperty("requested_by").GetString());
            Assert.Contains("must be in the future", await requester.ErrorAsync("request_waiver", request.Replace(expires, "2001-01-01", StringComparison.Ordinal)));
        }

        await using (var analyst = await ConnectAsync(apiKey: TestApiKeys.Analyst))
        {
            Assert.Equal("pending", (await analyst.AnswerAsync("request_waiver", request)).GetProperty("status").GetString());
        }

        await using (var viewer = await ConnectAsync(apiKey: TestApiKeys.Viewer))
        {
            Assert.Contains("needs the finops:waiver:request scope", await viewer.ErrorAsync("request_waiver", request));
        }

        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7006 && e.Message.StartsWith("mcp-reader was refused MCP tool request_waiver"));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7010 && e.Message.StartsWith("mcp-requester requested a waiver via mcp:request_waiver"));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7011 && e.Message.StartsWith("mcp-requester was refused to request a waiver via mcp:request_waiver: The expiry must be in the future"));
    }

    [Fact]
    public async Task Scheduling_an_audit_needs_the_schedule_write_scope_and_is_audited()
    {
        const string Schedule = "{\"name\":\"audited-nightly\",\"cron\":\"0 2 * * *\",\"regions\":[\"eu-west-1\"]}";
        await using var manager = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-admin",
            "finops:read finops:scan finops:export finops:policy:write", _app.McpUrl));
        await using var scheduler = await ConnectAsync(bearer: await _provider.ClientCredentialsTokenAsync("mcp-admin",
            "finops:read finops:schedule:write", _app.McpUrl));

        var refused = await manager.ErrorAsync("schedule_compliance_audit", Schedule);
        Assert.Contains("needs the finops:schedule:write scope", refused);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7006 && e.Message.StartsWith("mcp-admin was refused MCP tool schedule_compliance_audit"));
        Assert.DoesNotContain((await manager.AnswerAsync("list_schedules")).GetProperty("schedules").EnumerateArray(),
            s => s.GetProperty("name").GetString() == "audited-nightly");

        var saved = await scheduler.AnswerAsync("schedule_compliance_audit", Schedule);

        Assert.True(saved.GetProperty("created").GetBoolean());
        Assert.Contains((await manager.AnswerAsync("list_schedules")).GetProperty("schedules").EnumerateArray(),
            s => s.GetProperty("name").GetString() == "audited-nightly");
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7012 && e.Message.StartsWith("mcp-admin changed scheduled audits via mcp:schedule_compliance_audit"));
    }

    [Fact]
    public async Task An_api_key_works_on_mcp_and_a_wrong_one_does_not()
    {
        await using (var client = await ConnectAsync(apiKey: TestApiKeys.Analyst))
        {
            var regions = await client.AnswerAsync("list_regions");
            Assert.True(regions.GetProperty("regions").GetArrayLength() > 0);
            Assert.Contains("needs the finops:export scope", await client.ErrorAsync("export_violations_csv", "{}"));
        }

        using var http = _app.NewHttpClient();
        using var wrong = await PostAsync(http, Initialize, apiKey: "fk_not_a_configured_key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7008 && e.Message.StartsWith("API key ci-analyst authenticated POST /mcp"));
    }

    [Fact]
    public async Task The_csharp_mcp_client_completes_its_own_oauth_flow_against_the_provider()
    {
        using var browser = new ProviderBrowser(_provider, "admin");
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(_app.McpUrl),
            TransportMode = HttpTransportMode.StreamableHttp,
            OAuth = new ClientOAuthOptions
            {
                ClientId = "mcp-interactive",
                ClientSecret = "mcp-interactive-secret",
                RedirectUri = new Uri("http://localhost:1179/callback"),
                AuthorizationCallbackHandler = browser.AuthorizeAsync,
            },
        });
        await using var client = await McpClient.CreateAsync(transport);

        var answer = await client.AnswerAsync("check_tag_compliance", AllTypes);

        Assert.InRange(answer.GetProperty("compliance_score").GetDouble(), 0, 100);
        Assert.Equal(1, browser.SignIns);
        // The token is on behalf of the admin user: their role allows exports, and the audit trail names them and the client.
        await client.AnswerAsync("export_violations_csv", "{\"max_rows\":1}");
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7004 && e.Message.StartsWith("admin via mcp-interactive exported"));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<McpClient> ConnectAsync(string? bearer = null, string? apiKey = null)
    {
        var headers = new Dictionary<string, string>();
        if (bearer is not null)
        {
            headers["Authorization"] = "Bearer " + bearer;
        }

        if (apiKey is not null)
        {
            headers[RequestKinds.ApiKeyHeader] = apiKey;
        }

        return McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(_app.McpUrl),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string json, string? bearer = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add(RequestKinds.ApiKeyHeader, apiKey);
        }

        return await http.SendAsync(request);
    }
}
