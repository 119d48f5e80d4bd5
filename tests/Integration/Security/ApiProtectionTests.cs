using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FinOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinOps.Tests.Integration.Security;

/// <summary>The export API and the MCP metadata with sign-in configured: bearer tokens from the provider and API keys.</summary>
[Collection(ProviderCollection.Name)]
public sealed class ApiProtectionTests : IAsyncLifetime
{
    private const string Csv = "/api/violations.csv";
    private readonly OidcTestProvider _provider;
    private readonly CapturedLogs _logs = new();
    private SecuredAppHost _app = null!;
    private HttpClient _http = null!;

    public ApiProtectionTests(OidcTestProvider provider) => _provider = provider;

    public async Task InitializeAsync()
    {
        _app = SecuredAppHost.StartSignedIn(_provider,
            TestApiKeys.With(new Dictionary<string, string?> { ["Logging:LogLevel:FinOps.Audit"] = "Information" }),
            services => services.AddSingleton<ILoggerProvider>(_logs));
        _http = _app.NewHttpClient();
        await _app.ScanAsync();
    }

    [Fact]
    public async Task The_export_api_without_credentials_is_401_and_points_to_the_resource_metadata()
    {
        using var response = await _http.GetAsync(Csv);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer", challenge);
        Assert.Contains($"resource_metadata=\"{_app.BaseUrl}/.well-known/oauth-protected-resource/mcp\"", challenge);
    }

    [Fact]
    public async Task The_protected_resource_metadata_names_the_issuer_the_mcp_resource_and_the_scopes()
    {
        using var response = await _http.GetAsync("/.well-known/oauth-protected-resource/mcp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = metadata.RootElement;
        Assert.Equal(_app.McpUrl, root.GetProperty("resource").GetString());
        Assert.Contains(_provider.Issuer, root.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()!.TrimEnd('/')));
        Assert.Equal([.. FinOpsPermissions.Scopes], [.. root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()!)]);
    }

    [Fact]
    public async Task A_client_credentials_token_with_the_export_scope_downloads_the_violations_csv()
    {
        var token = await _provider.ClientCredentialsTokenAsync("mcp-exporter", "finops:read finops:export", _app.McpUrl);

        using var response = await SendAsync(Csv, bearer: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("region,resource_type,arn", await response.Content.ReadAsStringAsync());
        Assert.Contains(_logs.Entries, e => e.Category == AuditTrail.Category && e.EventId.Id == 7004 && e.Message.StartsWith("mcp-exporter exported via api: /api/violations.csv"));
    }

    [Fact]
    public async Task The_drift_csv_is_protected_like_every_export()
    {
        const string drift = "/api/drift.csv";
        using var anonymous = await SendAsync(drift);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var scanner = await _provider.ClientCredentialsTokenAsync("mcp-scanner", "finops:read finops:scan", _app.McpUrl);
        using var refused = await SendAsync(drift, bearer: scanner);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // With the export scope the request reaches the endpoint: one kept scan has nothing to compare with, and a
        // refused export is not recorded as served.
        var exporter = await _provider.ClientCredentialsTokenAsync("mcp-exporter", "finops:read finops:export", _app.McpUrl);
        using var allowed = await SendAsync(drift + "?kind=added", bearer: exporter);
        Assert.Equal(HttpStatusCode.Conflict, allowed.StatusCode);
        Assert.DoesNotContain(_logs.Entries, e => e.EventId.Id == 7004 && e.Message.Contains("/api/drift.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owners_csv_is_protected_like_every_export_and_audited_when_served()
    {
        const string owners = "/api/owners.csv";
        using var anonymous = await SendAsync(owners);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var scanner = await _provider.ClientCredentialsTokenAsync("mcp-scanner", "finops:read finops:scan", _app.McpUrl);
        using var refused = await SendAsync(owners, bearer: scanner);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7006 && e.Message.StartsWith("mcp-scanner was refused GET /api/owners.csv"));

        var exporter = await _provider.ClientCredentialsTokenAsync("mcp-exporter", "finops:read finops:export", _app.McpUrl);
        using var allowed = await SendAsync(owners, bearer: exporter);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.StartsWith("owner,source,resources", await allowed.Content.ReadAsStringAsync());
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7004 && e.Message.StartsWith("mcp-exporter exported via api: /api/owners.csv"));
    }

    [Fact]
    public async Task A_token_without_the_export_scope_is_refused_with_403_naming_the_scope_it_needs()
    {
        var token = await _provider.ClientCredentialsTokenAsync("mcp-scanner", "finops:read finops:scan", _app.McpUrl);

        using var response = await SendAsync(Csv, bearer: token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"finops:export\"", response.Headers.WwwAuthenticate.ToString());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("finops:export", problem.RootElement.GetProperty("detail").GetString());
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7006 && e.Message.StartsWith("mcp-scanner was refused GET /api/violations.csv"));
    }

    [Fact]
    public async Task Tokens_with_the_wrong_audience_expired_tampered_or_unsigned_are_refused_with_401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var valid = await _provider.ClientCredentialsTokenAsync("mcp-admin", "finops:read finops:export", _app.McpUrl);
        var otherAudience = await _provider.ClientCredentialsTokenAsync("mcp-admin", "finops:read finops:export", "https://other.example/api");
        var expired = await _provider.SignAsync(new Dictionary<string, object>
        {
            ["iss"] = _provider.Issuer, ["aud"] = _app.McpUrl, ["sub"] = "mcp-admin", ["client_id"] = "mcp-admin",
            ["scope"] = "finops:read finops:export", ["iat"] = now - 7200, ["nbf"] = now - 7200, ["exp"] = now - 3600,
        });
        var parts = valid.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlDecode(parts[1]))!;
        claims["scope"] = JsonSerializer.SerializeToElement("finops:read finops:export finops:policy:write");
        var tampered = $"{parts[0]}.{Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(claims))}.{parts[2]}";
        var unsigned = $"{Base64UrlEncode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}"u8.ToArray())}.{parts[1]}.";

        using (var ok = await SendAsync(Csv, bearer: valid))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        foreach (var (name, token) in new[] { ("wrong audience", otherAudience), ("expired", expired), ("tampered", tampered), ("unsigned", unsigned) })
        {
            using var response = await SendAsync(Csv, bearer: token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} token: {(int)response.StatusCode}");
            Assert.Contains("resource_metadata=", response.Headers.WwwAuthenticate.ToString());
        }

        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(parts[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_api_key_with_a_role_that_exports_works_and_a_wrong_or_lesser_key_does_not()
    {
        using (var manager = await SendAsync(Csv, apiKey: TestApiKeys.Manager))
        {
            Assert.Equal(HttpStatusCode.OK, manager.StatusCode);
        }

        using (var asAuthorization = new HttpRequestMessage(HttpMethod.Get, Csv))
        {
            asAuthorization.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", TestApiKeys.Admin);
            using var admin = await _http.SendAsync(asAuthorization);
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        using (var viewer = await SendAsync(Csv, apiKey: TestApiKeys.Viewer))
        {
            Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        }

        using (var wrong = await SendAsync(Csv, apiKey: TestApiKeys.Manager[..^1] + "x"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7008 && e.Message.StartsWith("API key ci-manager authenticated GET /api/violations.csv"));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7004 && e.Message.StartsWith("api-key:ci-manager exported"));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 7007 && e.Message.Contains("API key"));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(TestApiKeys.Manager[10..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_problem_answer_carries_the_correlation_id_of_the_response_header()
    {
        using var response = await SendAsync(Csv + "?severity=%0Abogus", apiKey: TestApiKeys.Manager);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(header, problem.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Pages_and_answers_carry_the_security_headers()
    {
        using var api = await SendAsync(Csv, apiKey: TestApiKeys.Manager);
        using var page = await _http.GetAsync("/access-denied");

        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", Header(api, "Content-Security-Policy"));
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.Contains($"form-action 'self' {_provider.Issuer}", csp);
        foreach (var response in new[] { api, page })
        {
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        }
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused_by_host_filtering()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "attacker.example";

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? bearer = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.Add(RequestKinds.ApiKeyHeader, apiKey);
        }

        return await _http.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : "";

    private static byte[] Base64UrlDecode(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
