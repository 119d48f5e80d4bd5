using FinOps.Domain.Policy;
using FinOps.Tests.Integration.Mcp;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Integration.Security;

/// <summary>Every refusal of an MCP call is in the audit trail (event 7006), whichever check refused it.</summary>
[Collection(KeyedAppCollection.Name)]
public sealed class RefusalAuditTests(KeyedAppFixture fixture)
{
    private const int AccessDenied = 7006;

    [Fact]
    public async Task A_readers_narrow_question_that_would_need_a_scan_is_refused_and_audited()
    {
        var text = await CallAsync(TestApiKeys.Viewer, "check_tag_compliance", "{\"resource_types\":[\"sqs:queue\"],\"limit\":1}");

        Assert.Contains("needs the finops:scan scope", text, StringComparison.Ordinal);
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Id == AccessDenied
            && e.Message.StartsWith("api-key:ci-viewer was refused", StringComparison.Ordinal)
            && e.Message.Contains("scan", StringComparison.Ordinal)
            && e.Message.EndsWith("it needs finops:scan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Applying_an_imported_policy_without_policy_write_is_refused_and_audited()
    {
        const string Import = "{\"policy_json\":\"{\\\"tags\\\":{\\\"team\\\":{\\\"tag_key\\\":{\\\"@@assign\\\":\\\"Team\\\"}}}}\",\"apply\":true}";
        var policies = fixture.App.Services.GetRequiredService<PolicyService>();
        var before = (await policies.GetPolicyAsync(CancellationToken.None)).ContentHash;

        var text = await CallAsync(TestApiKeys.Analyst, "import_aws_tag_policy", Import);

        Assert.Contains("needs the finops:policy:write scope", text, StringComparison.Ordinal);
        Assert.Equal(before, (await policies.GetPolicyAsync(CancellationToken.None)).ContentHash);
        Assert.Contains(fixture.Logs.Entries, e => e.EventId.Id == AccessDenied
            && e.Message.StartsWith("api-key:ci-analyst was refused", StringComparison.Ordinal)
            && e.Message.Contains("import_aws_tag_policy", StringComparison.Ordinal)
            && e.Message.EndsWith("it needs finops:policy:write", StringComparison.Ordinal));
    }

    /// <summary>Calls a tool that must refuse, returning the refusal's text.</summary>
    private async Task<string> CallAsync(string apiKey, string tool, string arguments)
    {
        using var http = fixture.App.NewHttpClient();
        using var request = RawMcp.Post(RawMcp.ToolCall(tool, arguments), apiKey);
        using var response = await http.SendAsync(request);
        var payload = RawMcp.Payload(await response.Content.ReadAsStringAsync());
        Assert.True(RawMcp.IsToolError(payload), $"{tool} was not refused: {payload}");
        return RawMcp.ToolText(payload)!;
    }
}
