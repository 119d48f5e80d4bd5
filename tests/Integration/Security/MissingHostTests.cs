using System.Net.Sockets;
using System.Text;

namespace FinOps.Tests.Integration.Security;

/// <summary>With <c>AllowedHosts</c> set, a request that names no host (HTTP/1.0 without <c>Host</c>, or an empty one) is refused.</summary>
[Collection(KeyedAppCollection.Name)]
public sealed class MissingHostTests(KeyedAppFixture fixture)
{
    [Theory]
    [InlineData("GET /health/live HTTP/1.0\r\n\r\n")]
    [InlineData("GET /health/live HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /api/violations.csv HTTP/1.1\r\nHost:\r\nX-Api-Key: " + TestApiKeys.Manager + "\r\nConnection: close\r\n\r\n")]
    [InlineData("POST /mcp HTTP/1.0\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 46\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")]
    public async Task A_request_without_a_host_is_refused(string request)
    {
        Assert.StartsWith("HTTP/1.1 400 ", await SendRawAsync(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_an_allowed_host_is_served()
    {
        var status = await SendRawAsync($"GET /health/live HTTP/1.0\r\nHost: 127.0.0.1:{fixture.App.Port}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", status, StringComparison.Ordinal);
    }

    /// <summary>Sends raw bytes (HttpClient always adds a Host header) and returns the status line.</summary>
    private async Task<string> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, fixture.App.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }
}
