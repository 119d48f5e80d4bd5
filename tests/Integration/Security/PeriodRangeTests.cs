using System.Net;
using System.Text.Json;
using FinOps.Tests.Integration.Mcp;

namespace FinOps.Tests.Integration.Security;

/// <summary>Billing periods outside the accepted range are refused, saying the range, by the export API and the MCP tools alike.</summary>
[Collection(KeyedAppCollection.Name)]
public sealed class PeriodRangeTests(KeyedAppFixture fixture)
{
    [Theory]
    [InlineData("9999-12")]
    [InlineData("9999-12-30..9999-12-31")]
    [InlineData("0001-01")]
    [InlineData("1999-12-01..2000-01-01")]
    public async Task The_region_report_refuses_a_period_outside_the_range_with_a_400_naming_it(string period)
    {
        using var http = fixture.App.NewHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/regions?format=csv&period={Uri.EscapeDataString(period)}");
        request.Headers.Add(FinOps.Web.Security.RequestKinds.ApiKeyHeader, TestApiKeys.Manager);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = problem.RootElement.GetProperty("errors").GetProperty("period")[0].GetString()!;
        Assert.Contains("from 2000-01-01", error, StringComparison.Ordinal);
        Assert.Contains("up to the end of the current month", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("get_cost_attribution_gap", "9999-12")]
    [InlineData("get_cost_attribution_gap", "9999-12-30..9999-12-31")]
    [InlineData("generate_compliance_report", "9999-12")]
    [InlineData("generate_compliance_report", "9999-12-30..9999-12-31")]
    public async Task The_mcp_tools_refuse_a_period_outside_the_range_naming_it(string tool, string period)
    {
        using var http = fixture.App.NewHttpClient();
        using var request = RawMcp.Post(RawMcp.ToolCall(tool, JsonSerializer.Serialize(new { period })), TestApiKeys.Admin);

        using var response = await http.SendAsync(request);

        var payload = RawMcp.Payload(await response.Content.ReadAsStringAsync());
        Assert.True(RawMcp.IsToolError(payload), $"{tool} accepted {period}: {payload}");
        var text = RawMcp.ToolText(payload)!;
        Assert.StartsWith("period: ", text, StringComparison.Ordinal);
        Assert.Contains("from 2000-01-01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("An error occurred", text, StringComparison.Ordinal);
    }
}
