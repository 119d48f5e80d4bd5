using FinOps.Tests.Integration.Mcp;
using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security;

/// <summary>Caller text never starts a line of its own in the log: control characters are neutralised or refused.</summary>
[Collection(KeyedAppCollection.Name)]
public sealed class LogForgingTests(KeyedAppFixture fixture)
{
    private const string Forged = "FORGED-7d1e";

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"start_scan\\napi-key:ci-admin started a scan via mcp:start_scan: " + Forged + "\",\"arguments\":{\"resource_types\":[\"all\"]}}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\\r\\n" + Forged + "\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\\u2028" + Forged + "\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"1\\n" + Forged + "\",\"method\":\"tools/list\"}")]
    public async Task Caller_text_with_line_breaks_writes_no_forged_line(string body)
    {
        using var http = fixture.App.NewHttpClient();
        using var request = RawMcp.Post(body, TestApiKeys.Admin);

        using var response = await http.SendAsync(request);
        _ = await response.Content.ReadAsStringAsync();

        AssertNoForgedLine();
    }

    [Fact]
    public async Task A_path_with_an_encoded_line_break_writes_no_forged_line()
    {
        using var http = fixture.App.NewHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/violations.csv%0A" + Forged);
        request.Headers.Add(RequestKinds.ApiKeyHeader, TestApiKeys.Manager);

        using var response = await http.SendAsync(request);

        AssertNoForgedLine();
    }

    /// <summary>The marker never follows a line break in a log message or an exception's message: it stays on the line it was sent in.</summary>
    private void AssertNoForgedLine()
    {
        foreach (var entry in fixture.Logs.Entries)
        {
            var texts = new List<string> { entry.Message };
            for (var exception = entry.Exception; exception is not null; exception = exception.InnerException)
            {
                texts.Add(exception.Message);
            }

            foreach (var text in texts)
            {
                var at = text.IndexOf(Forged, StringComparison.Ordinal);
                Assert.False(at >= 0 && text[..at].IndexOfAny(['\n', '\r', '\u2028', '\u2029', '\u0085']) >= 0,
                    $"{entry.Category}[{entry.EventId.Id}] wrote a forged line: {text}");
            }
        }
    }
}
