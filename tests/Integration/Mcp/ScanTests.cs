using System.Text.Json;
using FinOps.Domain.Scanning;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>start_scan + get_scan_status, on hosts of their own (these tests start scans).</summary>
public sealed class ScanTests
{
    [Fact]
    public async Task Start_scan_returns_a_scan_id_at_once_and_its_status_reaches_succeeded_with_the_summary()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();

        var started = await client.AnswerAsync("start_scan", """{"resource_types":["ec2:instance","rds:db"]}""");
        var scanId = started.GetProperty("scan_id").GetString()!;
        Assert.False(started.GetProperty("from_cache").GetBoolean());
        Assert.Contains(started.GetProperty("status").GetString(), new[] { "running", "succeeded" });
        var early = await client.AnswerAsync("get_scan_status", Id(scanId));
        Assert.Equal(scanId, early.GetProperty("scan_id").GetString());
        Assert.NotEmpty(early.GetProperty("regions").EnumerateArray());

        var result = await host.Get<ComplianceService>().GetJob(scanId)!.Completion;
        var status = await client.AnswerAsync("get_scan_status", Id(scanId));

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(100, status.GetProperty("percent").GetDouble());
        Assert.All(status.GetProperty("regions").EnumerateArray(), r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        var summary = status.GetProperty("summary");
        Assert.Equal(result.Summary.Score, summary.GetProperty("compliance_score").GetDouble());
        Assert.Equal(result.Summary.TotalResources, summary.GetProperty("total_resources").GetInt32());
        Assert.Equal(result.Costs.GapCents, summary.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64());
        Assert.Equal("complete", summary.GetProperty("data_quality").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Start_scan_answers_from_the_cache_unless_forced_to_refresh()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();
        var first = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["s3:bucket"]}""");

        var cached = await client.AnswerAsync("start_scan", """{"resource_types":["s3:bucket"]}""");
        var forced = await client.AnswerAsync("start_scan", """{"resource_types":["s3:bucket"],"force_refresh":true}""");

        Assert.True(cached.GetProperty("from_cache").GetBoolean());
        Assert.Equal(first.GetProperty("scan_id").GetString(), cached.GetProperty("scan_id").GetString());
        Assert.Equal("succeeded", cached.GetProperty("status").GetString());
        Assert.False(forced.GetProperty("from_cache").GetBoolean());
        Assert.NotEqual(first.GetProperty("scan_id").GetString(), forced.GetProperty("scan_id").GetString());
        await host.Get<ComplianceService>().GetJob(forced.GetProperty("scan_id").GetString()!)!.Completion;
    }

    [Fact]
    public async Task A_failing_region_makes_the_status_and_the_result_partial_and_names_the_region()
    {
        await using var host = McpTestHost.Start(new Dictionary<string, string?>
        {
            ["FinOps:Sample:FailingRegions:0"] = "eu-west-1",
            ["FinOps:Scan:MaxRetries"] = "1",
            ["FinOps:Scan:RetryBaseDelayMilliseconds"] = "1",
        });
        await using var client = await host.ConnectAsync();

        var started = await client.AnswerAsync("start_scan", """{"resource_types":["all"]}""");
        var scanId = started.GetProperty("scan_id").GetString()!;
        await host.Get<ComplianceService>().GetJob(scanId)!.Completion;
        var status = await client.AnswerAsync("get_scan_status", Id(scanId));
        var compliance = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"]}""");

        Assert.Equal("partial", status.GetProperty("status").GetString());
        var failedRow = status.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "failed");
        Assert.Equal("eu-west-1", failedRow.GetProperty("region").GetString());
        Assert.False(string.IsNullOrEmpty(failedRow.GetProperty("reason").GetString()));
        Assert.Equal("partial", status.GetProperty("summary").GetProperty("data_quality").GetProperty("status").GetString());

        Assert.Equal(scanId, compliance.GetProperty("scan_id").GetString());
        Assert.Equal("partial", compliance.GetProperty("data_quality").GetProperty("status").GetString());
        Assert.Contains(compliance.GetProperty("data_quality").GetProperty("notes").Strings(), n => n.Contains("eu-west-1", StringComparison.Ordinal));
        var failed = compliance.GetProperty("region_metadata").GetProperty("failed_regions").EnumerateArray().Single();
        Assert.Equal("eu-west-1", failed.GetProperty("region").GetString());
        Assert.DoesNotContain("eu-west-1", compliance.GetProperty("region_metadata").GetProperty("successful_regions").Strings());
        Assert.Equal("failed", compliance.GetProperty("regional_breakdown").EnumerateArray()
            .Single(r => r.GetProperty("region").GetString() == "eu-west-1").GetProperty("status").GetString());
    }

    private static string Id(string scanId) => JsonSerializer.Serialize(new { scan_id = scanId });
}
