using System.Net;
using System.Text.Json;
using FinOps.Domain.Scanning;
using FinOps.Tests.Integration.Mcp;

namespace FinOps.Tests.Integration.Api;

/// <summary>
/// The region filter is one rule for every door: the dashboard, the HTTP API and MCP give the same input the same
/// answer, or the same error in the same words (the domain's), and all of them accept "all".
/// </summary>
public sealed class OneScopeRuleTests : IAsyncLifetime
{
    private McpTestHost _host = null!;
    private ModelContextProtocol.Client.McpClient _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = McpTestHost.Start();
        _client = await _host.ConnectAsync();
        _http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        await _host.Get<ComplianceService>().GetResultAsync(ScanRequest.Default, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("eu-west-1,eu west 1")]
    [InlineData("me-south-1")]
    [InlineData("eu-west-1,xx-nowhere-1")]
    public async Task A_refused_filter_reads_the_same_at_every_door(string regions)
    {
        var expected = await DomainRefusalAsync(regions);

        var mcp = await _client.ErrorAsync("check_tag_compliance",
            JsonSerializer.Serialize(new { resource_types = new[] { "all" }, regions = regions.Split(',') }));
        using var api = await _http.GetAsync(new Uri($"/api/violations.csv?regions={Uri.EscapeDataString(regions)}", UriKind.Relative));
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        var page = WebUtility.HtmlDecode(await _http.GetStringAsync(new Uri($"/?regions={Uri.EscapeDataString(regions)}", UriKind.Relative)));

        Assert.Contains(expected, mcp, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("regions")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_means_every_region_at_every_door()
    {
        var mcp = await _client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"regions":["all"]}""");
        using var api = await _http.GetAsync(new Uri("/api/violations.csv?regions=all", UriKind.Relative));
        var page = await _http.GetStringAsync(new Uri("/?regions=all", UriKind.Relative));
        var whole = _host.Get<ComplianceService>().LatestResult!;

        Assert.Empty(mcp.GetProperty("regions").EnumerateArray());
        Assert.Equal(whole.Summary.Violations, mcp.GetProperty("violation_count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(whole.Summary.Violations + 1, (await api.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("scope-error", page, StringComparison.Ordinal);
    }

    /// <summary>What the domain says of the filter: the one message every door must pass on.</summary>
    private async Task<string> DomainRefusalAsync(string regions)
    {
        var error = await Assert.ThrowsAsync<InvalidRegionException>(async () =>
            await _host.Get<ComplianceService>().PlanAsync(new ScanRequest(ScanScope.FromQuery(regions)), CancellationToken.None));
        return error.Message;
    }
}
