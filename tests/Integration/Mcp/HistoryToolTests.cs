using System.Diagnostics;
using System.Text.Json;
using FinOps.Aws.Sample;
using FinOps.Domain.History;
using FinOps.Domain.Ports;
using FinOps.Domain.Scanning;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>list_scans, get_violation_history, detect_tag_drift and scan_id, over two real scans of a host of their own.</summary>
public sealed class HistoryToolTests
{
    private const string AllTypes = """{"resource_types":["all"]}""";

    [Fact]
    public async Task History_tools_answer_with_the_figures_each_scan_showed_and_the_tag_change_between_them()
    {
        await using var host = McpTestHost.Start(null, Retagging);
        await using var client = await host.ConnectAsync();
        var source = host.Get<RetaggingResourceSource>();

        // Scan 1: the target's CostCenter is valid.
        var first = await client.AnswerAsync("check_tag_compliance", AllTypes);
        var s1 = first.GetProperty("scan_id").GetString()!;
        var firstReport = await client.AnswerAsync("generate_compliance_report", """{"format":"json"}""");
        var firstGap = await client.AnswerAsync("get_cost_attribution_gap", "{}");
        await SavedAsync(host, s1);
        var target = source.TargetArn;
        Assert.NotNull(target);

        // Scan 2: someone set an invalid CostCenter on it.
        source.CostCenter = "CC-999";
        var s2 = await ScanAsync(host, client);
        await SavedAsync(host, s2);
        var second = await client.AnswerAsync("check_tag_compliance", AllTypes);
        Assert.Equal(s2, second.GetProperty("scan_id").GetString());
        Assert.NotEqual(first.GetProperty("violation_count").GetInt32(), second.GetProperty("violation_count").GetInt32());

        // list_scans: both, newest first, each with the figures check_tag_compliance gave right after it.
        var list = await client.AnswerAsync("list_scans", "{}");
        var scans = list.GetProperty("scans").EnumerateArray().ToList();
        Assert.Equal([s2, s1], scans.Select(s => s.GetProperty("scan_id").GetString()!));
        Assert.Null(list.GetProperty("next_cursor").GetString());
        Assert.Equal("SQLite", list.GetProperty("store").GetString());
        Assert.DoesNotContain(host.DataPath, list.GetRawText(), StringComparison.Ordinal);
        AssertSameFigures(second, scans[0].GetProperty("figures"), "list_scans " + s2);
        AssertSameFigures(first, scans[1].GetProperty("figures"), "list_scans " + s1);
        foreach (var (scan, answer) in new[] { (scans[0], second), (scans[1], first) })
        {
            Assert.Equal(answer.GetProperty("policy_hash").GetString(), scan.GetProperty("policy_hash").GetString());
            Assert.Equal("complete", scan.GetProperty("status").GetString());
            Assert.Equal("2026-11-01", scan.GetProperty("policy_version").GetString());
            Assert.True(scan.GetProperty("finished_at").GetDateTimeOffset() >= scan.GetProperty("started_at").GetDateTimeOffset());
            Assert.Equal(TimeSpan.Zero, scan.GetProperty("finished_at").GetDateTimeOffset().Offset);
            Assert.Contains("ec2:instance", scan.GetProperty("resource_types").Strings());
            Assert.Empty(scan.GetProperty("regions").EnumerateArray());
        }

        // Paging: one scan per page, the cursor leads to the older one.
        var page1 = await client.AnswerAsync("list_scans", """{"limit":1}""");
        var page2 = await client.AnswerAsync("list_scans", JsonSerializer.Serialize(new { limit = 1, cursor = page1.GetProperty("next_cursor").GetString() }));
        Assert.Equal(s2, page1.GetProperty("scans")[0].GetProperty("scan_id").GetString());
        Assert.Equal(s1, page2.GetProperty("scans")[0].GetProperty("scan_id").GetString());

        // get_violation_history: one point per scan, oldest first, equal to each scan's own figures; no policy change.
        var history = await client.AnswerAsync("get_violation_history", "{}");
        Assert.Equal("overall", history.GetProperty("group_by").GetString());
        Assert.Equal(2, history.GetProperty("scans").GetInt32());
        var overall = history.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("all", overall.GetProperty("key").GetString());
        var points = overall.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([s1, s2], points.Select(p => p.GetProperty("scan_id").GetString()!));
        AssertSameFigures(first, points[0].GetProperty("figures"), "history point " + s1);
        AssertSameFigures(second, points[1].GetProperty("figures"), "history point " + s2);
        Assert.Empty(history.GetProperty("policy_changes").EnumerateArray());

        var byRegion = await client.AnswerAsync("get_violation_history", $$"""{"regions":["{{RetaggingResourceSource.Region}}"],"days":7}""");
        Assert.Equal("region", byRegion.GetProperty("group_by").GetString());
        var regional = byRegion.GetProperty("series").EnumerateArray().Single();
        Assert.Equal(RetaggingResourceSource.Region, regional.GetProperty("key").GetString());
        var regionalPoints = regional.GetProperty("points").EnumerateArray().ToList();
        AssertSameRegion(first, regionalPoints[0].GetProperty("figures"));
        AssertSameRegion(second, regionalPoints[1].GetProperty("figures"));

        // detect_tag_drift: by default the latest against the scan before it; the retag shows with before → after.
        var drift = await client.AnswerAsync("detect_tag_drift", "{}");
        Assert.Equal(s1, drift.GetProperty("from").GetProperty("scan_id").GetString());
        Assert.Equal(s2, drift.GetProperty("to").GetProperty("scan_id").GetString());
        var changed = drift.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("arn").GetString() == target);
        Assert.Equal("changed", changed.GetProperty("change").GetString());
        var tag = changed.GetProperty("tag_changes").EnumerateArray().Single();
        Assert.Equal(("CostCenter", "changed", "CC-100", "CC-999"), (tag.GetProperty("key").GetString(), tag.GetProperty("change").GetString(),
            tag.GetProperty("before").GetString(), tag.GetProperty("after").GetString()));
        Assert.Contains(changed.GetProperty("new_violations").EnumerateArray(), v => v.GetProperty("tag_key").GetString() == "CostCenter");
        Assert.True(drift.GetProperty("tags_changed").GetInt32() >= 1);
        Assert.True(drift.GetProperty("violations_new").GetInt32() >= 1);
        Assert.Equal(changed.GetProperty("gap_after_usd").GetDecimal() - changed.GetProperty("gap_before_usd").GetDecimal(),
            changed.GetProperty("gap_moved_usd").GetDecimal());

        var named = await client.AnswerAsync("detect_tag_drift", JsonSerializer.Serialize(new { since_scan_id = s1, tag_keys = new[] { "CostCenter" }, limit = 10 }));
        Assert.Equal(s1, named.GetProperty("from").GetProperty("scan_id").GetString());
        Assert.Contains(named.GetProperty("resources").EnumerateArray(), r => r.GetProperty("arn").GetString() == target);
        var otherKey = await client.AnswerAsync("detect_tag_drift", """{"tag_keys":["Project"]}""");
        Assert.DoesNotContain(otherKey.GetProperty("resources").EnumerateArray(), r => r.GetProperty("arn").GetString() == target);
        var otherRegion = await client.AnswerAsync("detect_tag_drift", """{"regions":["us-east-1"]}""");
        Assert.DoesNotContain(otherRegion.GetProperty("resources").EnumerateArray(), r => r.GetProperty("arn").GetString() == target);
        var byTime = await client.AnswerAsync("detect_tag_drift", JsonSerializer.Serialize(new { since = scans[1].GetProperty("finished_at").GetString() }));
        Assert.Equal(s1, byTime.GetProperty("from").GetProperty("scan_id").GetString());

        // scan_id: the tools answer about the first scan as it was, though the account state has moved on.
        var asOfFirst = await client.AnswerAsync("check_tag_compliance", JsonSerializer.Serialize(new { resource_types = new[] { "all" }, scan_id = s1 }));
        Assert.Equal(s1, asOfFirst.GetProperty("scan_id").GetString());
        foreach (var field in new[] { "compliance_score", "total_resources", "in_scope", "compliant", "violation_count", "policy_hash" })
        {
            Assert.Equal(first.GetProperty(field).GetRawText(), asOfFirst.GetProperty(field).GetRawText());
        }

        Assert.Equal(first.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64(),
            asOfFirst.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64());
        var reportOfFirst = await client.AnswerAsync("generate_compliance_report", JsonSerializer.Serialize(new { format = "json", scan_id = s1 }));
        Assert.Equal(s1, reportOfFirst.GetProperty("scan_id").GetString());
        Assert.Equal(firstReport.GetProperty("score_percent").GetRawText(), reportOfFirst.GetProperty("score_percent").GetRawText());
        Assert.Equal(firstReport.GetProperty("gap_usd").GetRawText(), reportOfFirst.GetProperty("gap_usd").GetRawText());
        var gapOfFirst = await client.AnswerAsync("get_cost_attribution_gap", JsonSerializer.Serialize(new { scan_id = s1 }));
        Assert.Equal(s1, gapOfFirst.GetProperty("scan_id").GetString());
        Assert.Equal(firstGap.GetProperty("overall").GetRawText(), gapOfFirst.GetProperty("overall").GetRawText());
        var untaggedOfFirst = await client.AnswerAsync("find_untagged_resources", JsonSerializer.Serialize(new { resource_types = new[] { "all" }, scan_id = s1, limit = 1 }));
        Assert.Equal(s1, untaggedOfFirst.GetProperty("scan_id").GetString());
        var csvOfFirst = await client.AnswerAsync("export_violations_csv", JsonSerializer.Serialize(new { scan_id = s1, max_rows = 1 }));
        Assert.Equal(s1, csvOfFirst.GetProperty("scan_id").GetString());
        Assert.Equal(first.GetProperty("violation_count").GetInt32(), csvOfFirst.GetProperty("total_rows").GetInt32());

        // Paging: one resource per page, the cursor walks the same list the whole answer gives, then is refused with other arguments.
        var whole = await client.AnswerAsync("detect_tag_drift", """{"limit":500}""");
        var all = whole.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("arn").GetString()!).ToList();
        Assert.True(all.Count >= RetaggingResourceSource.Retagged, $"{all.Count} changed resources");
        Assert.Equal(all.Count, whole.GetProperty("total_count").GetInt32());
        var walked = new List<string>();
        string? next = null;
        do
        {
            var step = await client.AnswerAsync("detect_tag_drift", next is null ? """{"limit":1}""" : JsonSerializer.Serialize(new { limit = 1, cursor = next }));
            walked.AddRange(step.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("arn").GetString()!));
            next = step.GetProperty("next_cursor").GetString();
        }
        while (next is not null && walked.Count <= all.Count);
        Assert.Equal(all, walked);
        var firstPage = await client.AnswerAsync("detect_tag_drift", """{"limit":1}""");
        var foreign = await client.ErrorAsync("detect_tag_drift", JsonSerializer.Serialize(new { limit = 1, tag_keys = new[] { "Owner" }, cursor = firstPage.GetProperty("next_cursor").GetString() }));
        Assert.Contains("cursor belongs to a call with other", foreign, StringComparison.Ordinal);

        // Every answer matches the output schema the tool publishes.
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.OutputSchema!.Value);
        foreach (var (tool, answer) in new[]
        {
            ("list_scans", list), ("list_scans", page2), ("get_violation_history", history), ("get_violation_history", byRegion),
            ("detect_tag_drift", drift), ("detect_tag_drift", named), ("check_tag_compliance", asOfFirst),
            ("generate_compliance_report", reportOfFirst), ("get_cost_attribution_gap", gapOfFirst),
            ("find_untagged_resources", untaggedOfFirst), ("export_violations_csv", csvOfFirst),
        })
        {
            McpCalls.AssertMatchesSchema(tools[tool], answer, tool);
        }

        Assert.Equal(JsonValueKind.Null, csvOfFirst.GetProperty("download_path").ValueKind);
        Assert.Equal(named.GetProperty("total_count").GetInt32() > 10, named.GetProperty("next_cursor").ValueKind == JsonValueKind.String);
        Assert.All(named.GetProperty("resources").EnumerateArray(), r => Assert.Contains(r.GetProperty("tag_changes").EnumerateArray(),
            t => t.GetProperty("key").GetString() == "CostCenter"));

        // Bad arguments name what is accepted.
        var unknown = await client.ErrorAsync("check_tag_compliance", """{"resource_types":["all"],"scan_id":"0123456789abcdef"}""");
        Assert.Contains("0123456789abcdef", unknown, StringComparison.Ordinal);
        Assert.Contains("list_scans", unknown, StringComparison.Ordinal);
        var unknownBaseline = await client.ErrorAsync("detect_tag_drift", """{"since_scan_id":"0123456789abcdef"}""");
        Assert.Contains("list_scans", unknownBaseline, StringComparison.Ordinal);
        var tooEarly = await client.ErrorAsync("detect_tag_drift", """{"since":"2001-01-01"}""");
        Assert.Contains("2001-01-01", tooEarly, StringComparison.Ordinal);
        var refresh = await client.ErrorAsync("check_tag_compliance", JsonSerializer.Serialize(new { resource_types = new[] { "all" }, scan_id = s1, force_refresh = true }));
        Assert.Contains("force_refresh", refresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_change_between_two_scans_is_an_annotation_of_the_history_and_each_point_keeps_its_own_policy()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();
        var first = await client.AnswerAsync("check_tag_compliance", AllTypes);
        var s1 = first.GetProperty("scan_id").GetString()!;
        await SavedAsync(host, s1);
        var policy = """{"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"}}}}""";
        await client.AnswerAsync("import_aws_tag_policy", JsonSerializer.Serialize(new { policy_json = policy, apply = true }));

        var s2 = await ScanAsync(host, client);
        await SavedAsync(host, s2);
        var second = await client.AnswerAsync("check_tag_compliance", AllTypes);

        var history = await client.AnswerAsync("get_violation_history", """{"days":1}""");
        var points = history.GetProperty("series").EnumerateArray().Single().GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([s1, s2], points.Select(p => p.GetProperty("scan_id").GetString()!));
        AssertSameFigures(first, points[0].GetProperty("figures"), "point under the first policy");
        AssertSameFigures(second, points[1].GetProperty("figures"), "point under the imported policy");
        Assert.NotEqual(points[0].GetProperty("policy_hash").GetString(), points[1].GetProperty("policy_hash").GetString());
        var change = history.GetProperty("policy_changes").EnumerateArray().Single();
        Assert.Equal(s2, change.GetProperty("scan_id").GetString());
        Assert.Equal("2026-11-01", change.GetProperty("from_version").GetString());
        Assert.Equal(second.GetProperty("policy_hash").GetString(), change.GetProperty("policy_hash").GetString());
    }

    [Theory]
    [InlineData("list_scans", """{"limit":0}""", new[] { "limit", "1 to 100" })]
    [InlineData("list_scans", """{"limit":101}""", new[] { "limit", "1 to 100" })]
    [InlineData("list_scans", """{"cursor":"not-a-cursor"}""", new[] { "cursor", "next_cursor" })]
    [InlineData("get_violation_history", """{"days":0}""", new[] { "days", "1 to 400" })]
    [InlineData("get_violation_history", """{"days":401}""", new[] { "days", "1 to 400" })]
    [InlineData("get_violation_history", """{"group_by":"owner"}""", new[] { "group_by", "overall", "region", "resource_type" })]
    [InlineData("get_violation_history", """{"group_by":"resource_type","regions":["eu-west-1"]}""", new[] { "group_by", "region" })]
    [InlineData("get_violation_history", """{"regions":["eu-west-1"],"resource_types":["ec2:instance"]}""", new[] { "regions or resource_types", "not both" })]
    [InlineData("get_violation_history", """{"resource_types":["ec2:bogus"]}""", new[] { "ec2:bogus", "ec2:instance" })]
    [InlineData("detect_tag_drift", """{"since":"last tuesday"}""", new[] { "since", "ISO-8601", "2026-11-30" })]
    [InlineData("detect_tag_drift", """{"since":"2026-11-30","since_scan_id":"abc"}""", new[] { "since_scan_id", "not both" })]
    [InlineData("detect_tag_drift", """{"limit":501}""", new[] { "limit", "1 to 500" })]
    [InlineData("detect_tag_drift", """{"cursor":"not-a-cursor"}""", new[] { "cursor", "next_cursor" })]
    [InlineData("check_tag_compliance", """{"resource_types":["all"],"scan_id":""}""", new[] { "scan_id", "list_scans" })]
    public async Task A_bad_history_argument_is_a_tool_error_that_says_what_is_accepted(string tool, string arguments, string[] expected)
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();

        var error = await client.ErrorAsync(tool, arguments);

        foreach (var words in expected)
        {
            Assert.Contains(words, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_two_kept_scans_drift_says_what_is_missing_and_the_list_is_empty()
    {
        await using var host = McpTestHost.Start();
        await using var client = await host.ConnectAsync();

        var list = await client.AnswerAsync("list_scans", "{}");
        var history = await client.AnswerAsync("get_violation_history", "{}");
        var drift = await client.ErrorAsync("detect_tag_drift", "{}");

        Assert.Empty(list.GetProperty("scans").EnumerateArray());
        Assert.Empty(history.GetProperty("series").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(history.GetProperty("note").GetString()));
        Assert.Contains("No scan is kept yet", drift, StringComparison.Ordinal);
    }

    private static void Retagging(IServiceCollection services)
    {
        services.AddSingleton(sp => new RetaggingResourceSource(sp.GetRequiredService<SampleResourceSource>()));
        services.AddSingleton<IRegionalResourceSource>(sp => sp.GetRequiredService<RetaggingResourceSource>());
    }

    /// <summary>A forced scan of every cost-generating type, finished; its id.</summary>
    private static async Task<string> ScanAsync(McpTestHost host, McpClient client)
    {
        var started = await client.AnswerAsync("start_scan", """{"resource_types":["all"],"force_refresh":true}""");
        var id = started.GetProperty("scan_id").GetString()!;
        await host.Get<ComplianceService>().GetJob(id)!.Completion.WaitAsync(TimeSpan.FromMinutes(3));
        return id;
    }

    /// <summary>Waits until history has written the scan (it is written behind, in order).</summary>
    private static async Task SavedAsync(McpTestHost host, string scanId)
    {
        var history = host.Get<HistoryService>();
        var clock = Stopwatch.StartNew();
        while (await history.FindScanAsync(scanId, CancellationToken.None) is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"history did not write scan {scanId} within 2 minutes: {history.Status}");
            await Task.Delay(50);
        }
    }

    /// <summary>History's figures equal what check_tag_compliance answered for the whole account right after that scan.</summary>
    private static void AssertSameFigures(JsonElement compliance, JsonElement figures, string what)
    {
        Assert.True(figures.GetProperty("measured").GetBoolean(), what);
        Assert.Equal(compliance.GetProperty("compliance_score").GetDouble(), figures.GetProperty("compliance_score").GetDouble());
        Assert.Equal(compliance.GetProperty("score_percent").GetDouble(), figures.GetProperty("score_percent").GetDouble());
        Assert.Equal(compliance.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64(), figures.GetProperty("gap_cents").GetInt64());
        Assert.Equal(compliance.GetProperty("cost_attribution_gap").GetProperty("amount_usd").GetDecimal(), figures.GetProperty("cost_attribution_gap_usd").GetDecimal());
        Assert.Equal(compliance.GetProperty("violation_count").GetInt32(), figures.GetProperty("violations").GetInt32());
        Assert.Equal(compliance.GetProperty("in_scope").GetInt32(), figures.GetProperty("in_scope").GetInt32());
        Assert.Equal(compliance.GetProperty("compliant").GetInt32(), figures.GetProperty("compliant").GetInt32());
        Assert.Equal(compliance.GetProperty("total_resources").GetInt32(), figures.GetProperty("total_resources").GetInt32());
    }

    private static void AssertSameRegion(JsonElement compliance, JsonElement figures)
    {
        var row = compliance.GetProperty("regional_breakdown").EnumerateArray()
            .Single(r => r.GetProperty("region").GetString() == RetaggingResourceSource.Region);
        Assert.Equal(row.GetProperty("compliance_score").GetDouble(), figures.GetProperty("compliance_score").GetDouble());
        Assert.Equal(row.GetProperty("gap_cents").GetInt64(), figures.GetProperty("gap_cents").GetInt64());
        Assert.Equal(row.GetProperty("violations").GetInt32(), figures.GetProperty("violations").GetInt32());
        Assert.Equal(row.GetProperty("in_scope").GetInt32(), figures.GetProperty("in_scope").GetInt32());
    }
}
