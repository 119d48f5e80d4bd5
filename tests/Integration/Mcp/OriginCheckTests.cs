using System.Net;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// A browser's <c>Origin</c> must be one of the app's own origins — scheme, host and port — to call <c>/mcp</c>; another
/// site on the same machine (another port) or the same host over another scheme is refused.
/// </summary>
[Collection(McpHostCollection.Name)]
public sealed class OriginCheckTests(McpHostFixture fixture)
{
    private const string Ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    [Theory]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("http://localhost:{port}")]
    [InlineData("HTTP://LOCALHOST:{port}")]
    [InlineData("http://[::1]:{port}")]
    public async Task The_apps_own_origins_are_served(string origin)
    {
        Assert.Equal(HttpStatusCode.OK, await PostWithOriginAsync(origin));
    }

    [Theory]
    [InlineData("http://localhost:{other}")]
    [InlineData("http://127.0.0.1:{other}")]
    [InlineData("http://localhost")]
    [InlineData("https://127.0.0.1:{port}")]
    [InlineData("https://localhost:{port}")]
    [InlineData("http://attacker.example:{port}")]
    [InlineData("http://127.0.0.1.attacker.example:{port}")]
    [InlineData("null")]
    [InlineData("file://")]
    [InlineData("not an origin")]
    public async Task Other_origins_are_refused(string origin)
    {
        Assert.Equal(HttpStatusCode.Forbidden, await PostWithOriginAsync(origin));
    }

    private async Task<HttpStatusCode> PostWithOriginAsync(string origin)
    {
        var port = new Uri(fixture.Host.BaseUrl).Port;
        var other = port == 65535 ? port - 1 : port + 1;
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Host.BaseUrl) };
        using var request = RawMcp.Post(Ping);
        request.Headers.TryAddWithoutValidation("Origin", origin.Replace("{port}", $"{port}").Replace("{other}", $"{other}"));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
