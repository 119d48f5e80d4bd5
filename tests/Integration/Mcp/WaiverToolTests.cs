using System.Globalization;
using System.Text.Json;
using FinOps.Domain.Waivers;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>
/// request_waiver and list_waivers on their own app (approving changes the figures other tests read): a request stays
/// pending and changes nothing; once another person approves it, check_tag_compliance shows the waived line and the
/// violation's waived_until, and the gap shrinks by exactly the waived spend.
/// </summary>
public sealed class WaiverToolTests : IAsyncLifetime
{
    private McpTestHost _host = null!;
    private ModelContextProtocol.Client.McpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = McpTestHost.Start();
        _client = await _host.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_requested_then_approved_waiver_moves_the_resources_cost_from_the_gap_to_the_waived_line()
    {
        var before = await _client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":500}""");
        Assert.Equal(0, before.GetProperty("waived").GetInt32());
        Assert.Equal(0m, before.GetProperty("waived_usd").GetDecimal());
        var target = before.GetProperty("violations").EnumerateArray()
            .First(v => v.GetProperty("severity").GetString() == "error" && v.GetProperty("resource_cost_usd").GetDecimal() > 0);
        var arn = target.GetProperty("arn").GetString()!;
        var cost = target.GetProperty("resource_cost_usd").GetDecimal();
        var expires = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var schema = (await _client.ListToolsAsync()).Single(t => t.Name == "request_waiver").ProtocolTool.OutputSchema!.Value;
        var requested = await _client.AnswerAsync("request_waiver",
            JsonSerializer.Serialize(new { arn, reason = "Legacy host, retiring in Q1", expires_at = expires }));
        McpCalls.AssertMatchesSchema(schema, requested, "request_waiver");
        Assert.Equal("pending", requested.GetProperty("status").GetString());
        Assert.Equal("*", requested.GetProperty("tag_key").GetString());
        Assert.Equal(arn, requested.GetProperty("arn").GetString());

        var pending = await _client.AnswerAsync("list_waivers", """{"status":"pending"}""");
        Assert.Equal(1, pending.GetProperty("count").GetInt32());
        var unchanged = await _client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":1}""");
        Assert.Equal(before.GetProperty("compliance_score").GetDouble(), unchanged.GetProperty("compliance_score").GetDouble());

        // Approval is for admins on the dashboard only: no MCP tool approves.
        Assert.DoesNotContain((await _client.ListToolsAsync()).Select(t => t.Name), n => n.Contains("approve", StringComparison.Ordinal));
        var service = _host.Get<WaiverService>();
        var approved = await service.ApproveAsync(requested.GetProperty("id").GetString()!, "approver-bob", default);
        Assert.True(approved.Succeeded, approved.Refusal);

        var after = await _client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":500}""");
        Assert.Equal(1, after.GetProperty("waived").GetInt32());
        Assert.Equal(cost, after.GetProperty("waived_usd").GetDecimal());
        var gap = after.GetProperty("cost_attribution_gap").GetProperty("amount_usd").GetDecimal();
        Assert.Equal(before.GetProperty("cost_attribution_gap").GetProperty("amount_usd").GetDecimal() - cost, gap);
        Assert.True(after.GetProperty("compliance_score").GetDouble() > before.GetProperty("compliance_score").GetDouble());

        // Every page: the waived resource's violations stay listed with waived_until and no gap share; shares sum to the gap.
        var rows = new List<JsonElement>();
        var page = after;
        for (var pages = 0; pages < 40; pages++)
        {
            rows.AddRange(page.GetProperty("violations").EnumerateArray().Select(v => v.Clone()));
            if (page.GetProperty("next_cursor").GetString() is not { } cursor)
            {
                break;
            }

            page = await _client.AnswerAsync("check_tag_compliance", JsonSerializer.Serialize(new { resource_types = new[] { "all" }, limit = 500, cursor }));
        }

        Assert.Equal(after.GetProperty("violation_count").GetInt32(), rows.Count);
        var waivedRows = rows.Where(v => v.GetProperty("arn").GetString() == arn).ToList();
        Assert.NotEmpty(waivedRows);
        Assert.All(waivedRows, v =>
        {
            Assert.Equal(JsonValueKind.String, v.GetProperty("waived_until").ValueKind);
            Assert.Equal(0m, v.GetProperty("gap_share_usd").GetDecimal());
        });
        Assert.All(rows.Where(v => v.GetProperty("arn").GetString() != arn), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("waived_until").ValueKind));
        Assert.Equal(gap, rows.Sum(v => v.GetProperty("gap_share_usd").GetDecimal()));

        var listed = await _client.AnswerAsync("list_waivers", "{}");
        Assert.Equal("approved", listed.GetProperty("waivers")[0].GetProperty("status").GetString());
        Assert.Equal("approver-bob", listed.GetProperty("waivers")[0].GetProperty("decided_by").GetString());
        Assert.Equal(cost, listed.GetProperty("waived_usd").GetDecimal());
        Assert.Equal(1, listed.GetProperty("waived_resources").GetInt32());
    }

    [Theory]
    [InlineData("""{"reason":"r","expires_at":"next week","arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-1"}""", "is not an ISO 8601 date")]
    [InlineData("""{"reason":"r","expires_at":"2000-01-01","arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-1"}""", "must be in the future")]
    [InlineData("""{"reason":"r","expires_at":"2999-01-01","arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-1"}""", "at most 180 days away")]
    [InlineData("""{"reason":"r","expires_at":"2999-01-01"}""", "give an ARN")]
    [InlineData("""{"reason":"","expires_at":"{soon}","arn":"arn:aws:ec2:us-east-1:123456789012:instance/i-1"}""", "needs a reason")]
    [InlineData("""{"reason":"r","expires_at":"{soon}","resource_type":"ec2:instance","region":"*","tag_pattern":"Team"}""", "'Key=glob'")]
    public async Task Bad_requests_are_tool_errors_that_say_what_is_accepted(string arguments, string expected)
    {
        var soon = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var error = await _client.ErrorAsync("request_waiver", arguments.Replace("{soon}", soon, StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(0, (await _client.AnswerAsync("list_waivers", "{}")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task An_unknown_status_filter_is_refused_naming_the_statuses()
    {
        var error = await _client.ErrorAsync("list_waivers", """{"status":"maybe"}""");
        Assert.Contains("pending, approved, rejected, revoked, expired", error, StringComparison.Ordinal);
    }
}
