using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FinOps.Tests.Integration.Mcp;

[Collection(McpHostCollection.Name)]
public sealed class DnsRebindingTests(McpHostFixture fixture)
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    [Fact]
    public async Task A_request_with_a_foreign_host_header_is_refused()
    {
        using var response = await SendAsync(request => request.Headers.Host = "attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_request_from_a_foreign_origin_is_refused()
    {
        using var response = await SendAsync(request => request.Headers.Add("Origin", "http://attacker.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_request_from_the_apps_own_origin_is_served()
    {
        using var response = await SendAsync(request => request.Headers.Add("Origin", fixture.Host.BaseUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(Action<HttpRequestMessage> configure)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Host.McpEndpoint)
        {
            Content = new StringContent(Initialize, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        configure(request);
        return await http.SendAsync(request);
    }
}
