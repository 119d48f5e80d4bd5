using System.Text.Json;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Domain.Reports;
using FinOps.Domain.Scanning;
using FinOps.Web.Components;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>For one scan, every MCP figure equals what the dashboard's services and the domain say.</summary>
[Collection(McpHostCollection.Name)]
public sealed class NumbersAgreeTests(McpHostFixture fixture)
{
    private ComplianceService Compliance => fixture.Host.Get<ComplianceService>();

    [Fact]
    public async Task Check_tag_compliance_shows_the_dashboards_figures_for_the_same_scan()
    {
        var answer = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":100}""");
        var result = Scan(answer);
        var overview = await Compliance.GetResultAsync(ScanRequest.Default, CancellationToken.None);

        Assert.Equal(overview.ScanId, result.ScanId);
        AssertSummary(result, answer);
        Assert.Equal(result.Summary.Violations, answer.GetProperty("violation_count").GetInt32());
        Assert.Equal(result.Costs.GapCents, answer.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64());
        Assert.Equal(Money.ToUsd(result.Costs.GapCents), answer.GetProperty("cost_attribution_gap").GetProperty("amount_usd").GetDecimal());
        Assert.Contains(answer.GetProperty("cost_attribution_gap").GetProperty("provenance").GetString(), new[] { "measured", "allocated", "mixed" });
        Assert.Equal(result.AsOf, answer.GetProperty("as_of").GetDateTimeOffset());
        Assert.Equal(result.PolicyHash, answer.GetProperty("policy_hash").GetString());
        Assert.Equal(result.DataQuality.StatusText, answer.GetProperty("data_quality").GetProperty("status").GetString());
        Assert.Equal(result.RegionMetadata.TotalRegions, answer.GetProperty("region_metadata").GetProperty("total_regions").GetInt32());
        Assert.Equal(result.RegionMetadata.SkippedRegions, answer.GetProperty("region_metadata").GetProperty("skipped_regions").Strings());
        Assert.Equal(result.ViolationsByCost.Take(100).Select(v => (v.Arn, v.TagKey, v.Kind.ToWire())),
            answer.GetProperty("violations").EnumerateArray().Select(v => (v.GetProperty("arn").GetString()!, v.GetProperty("tag_key").GetString()!, v.GetProperty("kind").GetString()!)));
    }

    [Fact]
    public async Task A_region_filter_answers_with_the_dashboards_view_of_the_cached_scan_without_scanning()
    {
        var whole = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"]}""");
        var filtered = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"regions":["us-east-1","EU-WEST-1"]}""");
        var dashboard = fixture.Host.Get<DashboardResults>().Resolve(null, ["eu-west-1", "us-east-1"])!;

        Assert.Equal(whole.GetProperty("scan_id").GetString(), filtered.GetProperty("scan_id").GetString());
        Assert.True(filtered.GetProperty("from_cache").GetBoolean());
        Assert.Equal(["eu-west-1", "us-east-1"], filtered.GetProperty("regions").Strings());
        AssertSummary(dashboard, filtered);
        Assert.Equal(dashboard.Costs.GapCents, filtered.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64());
    }

    [Fact]
    public async Task Paging_with_cursors_returns_every_violation_once_in_order_of_cost_at_stake()
    {
        var seen = new List<(string, string, string)>();
        string? cursor = null;
        string? scanId = null;
        do
        {
            var arguments = JsonSerializer.Serialize(new Dictionary<string, object?> { ["resource_types"] = new[] { "all" }, ["limit"] = 97, ["cursor"] = cursor });
            var page = await fixture.Client.AnswerAsync("check_tag_compliance", arguments);
            scanId ??= page.GetProperty("scan_id").GetString();
            Assert.Equal(scanId, page.GetProperty("scan_id").GetString());
            Assert.True(page.GetProperty("violations").GetArrayLength() <= 97);
            seen.AddRange(page.GetProperty("violations").EnumerateArray()
                .Select(v => (v.GetProperty("arn").GetString()!, v.GetProperty("tag_key").GetString()!, v.GetProperty("kind").GetString()!)));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        var result = Compliance.FindResult(scanId!)!;
        Assert.Equal(result.ViolationsByCost.Select(v => (v.Arn, v.TagKey, v.Kind.ToWire())), seen);
    }

    [Fact]
    public async Task The_cost_attribution_gap_is_the_domain_report_of_the_same_scan()
    {
        var answer = await fixture.Client.AnswerAsync("get_cost_attribution_gap", """{"group_by":"resource_type"}""");
        var result = Scan(answer);
        var report = await fixture.Host.Get<CostAttributionService>().GetGapAsync(result, new AttributionGapQuery(GroupBy: GapGrouping.ResourceType), CancellationToken.None);
        var compliance = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":1}""");

        var overall = answer.GetProperty("overall");
        Assert.Equal(report.Overall.Total.Cents, overall.GetProperty("total").GetProperty("amount_cents").GetInt64());
        Assert.Equal(report.Overall.Gap.Cents, overall.GetProperty("gap").GetProperty("amount_cents").GetInt64());
        Assert.Equal(report.Overall.Attributable.Cents, overall.GetProperty("attributable").GetProperty("amount_cents").GetInt64());
        Assert.Equal(report.Overall.Untaggable.Cents, overall.GetProperty("untaggable").GetProperty("amount_cents").GetInt64());
        Assert.Equal(report.Overall.Unallocated.Cents, overall.GetProperty("unallocated").GetProperty("amount_cents").GetInt64());
        Assert.Equal(report.Overall.Gap.ProvenanceLabel, overall.GetProperty("gap").GetProperty("provenance").GetString());
        Assert.True(overall.GetProperty("reconciles").GetBoolean());
        Assert.Equal(result.Costs.GapCents, overall.GetProperty("gap").GetProperty("amount_cents").GetInt64());
        Assert.Equal(compliance.GetProperty("cost_attribution_gap").GetProperty("amount_cents").GetInt64(), overall.GetProperty("gap").GetProperty("amount_cents").GetInt64());
        Assert.Equal(report.Rows.Select(r => (r.Key, r.Gap.Cents, r.Total.Cents)),
            answer.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("key").GetString()!,
                r.GetProperty("gap").GetProperty("amount_cents").GetInt64(), r.GetProperty("total").GetProperty("amount_cents").GetInt64())));
        Assert.Equal(report.Rows.Sum(r => r.Gap.Cents), report.Overall.Gap.Cents);
        Assert.Equal(report.FixPlan.Overall.Sentence, answer.GetProperty("fix_plan").GetProperty("overall").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_cost_attribution_gaps_untagged_spend_per_tag_key_is_narrowed_to_the_regions_asked_for()
    {
        string[] regions = ["eu-west-1", "us-east-1"];
        var whole = await fixture.Client.AnswerAsync("get_cost_attribution_gap", "{}");
        var answer = await fixture.Client.AnswerAsync("get_cost_attribution_gap", """{"regions":["eu-west-1","us-east-1"]}""");
        var report = await fixture.Host.Get<CostAttributionService>().GetGapAsync(Scan(answer), new AttributionGapQuery(Regions: [.. regions]), CancellationToken.None);

        static Dictionary<string, JsonElement> ByKey(JsonElement gap) => gap.GetProperty("untagged_by_tag_key").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tag_key").GetString()!);
        var narrowed = ByKey(answer);
        var total = answer.GetProperty("overall").GetProperty("total").GetProperty("amount_cents").GetInt64();
        Assert.Equal(report.UntaggedByTagKey.Select(t => t.TagKey), narrowed.Keys);
        foreach (var tag in report.UntaggedByTagKey)
        {
            var measured = narrowed[tag.TagKey].GetProperty("measured");
            Assert.Equal(tag.Measured.Cents, measured.GetProperty("amount_cents").GetInt64());
            Assert.Equal("measured", measured.GetProperty("provenance").GetString());
            Assert.False(narrowed[tag.TagKey].GetProperty("measured_account_wide").GetBoolean());
            Assert.InRange(tag.Measured.Cents, 0, total);
        }

        Assert.Contains(ByKey(whole), t => t.Value.GetProperty("measured").GetProperty("amount_cents").GetInt64()
            > narrowed[t.Key].GetProperty("measured").GetProperty("amount_cents").GetInt64());
    }

    [Fact]
    public async Task The_json_report_carries_the_figures_of_the_domain_report()
    {
        var answer = await fixture.Client.AnswerAsync("generate_compliance_report", """{"format":"json","regions":["eu-west-1","us-west-2"]}""");
        var result = Scan(answer);
        var domain = await fixture.Host.Get<RegionReportService>().BuildAsync(result, null, null, ["eu-west-1", "us-west-2"], CancellationToken.None);
        using var report = JsonDocument.Parse(answer.GetProperty("content").GetString()!);
        var overall = report.RootElement.GetProperty("overall");

        Assert.Equal(["eu-west-1", "us-west-2"], answer.GetProperty("regions").Strings());
        Assert.Equal(domain.Summary.ScorePercent, overall.GetProperty("score_percent").GetDouble());
        Assert.Equal(domain.Costs.GapCents, overall.GetProperty("costs").GetProperty("gap_cents").GetInt64());
        Assert.Equal(domain.Summary.ScorePercent, answer.GetProperty("score_percent").GetDouble());
        Assert.Equal(Money.ToUsd(domain.Costs.GapCents), answer.GetProperty("gap_usd").GetDecimal());
        Assert.Equal(domain.Sections.Select(s => (s.Region, s.Costs.GapCents)),
            report.RootElement.GetProperty("by_region").EnumerateArray().Select(r => (r.GetProperty("region").GetString()!, r.GetProperty("costs").GetProperty("gap_cents").GetInt64())));
    }

    [Fact]
    public async Task The_violations_csv_lists_the_domain_violations_in_order()
    {
        var answer = await fixture.Client.AnswerAsync("export_violations_csv", """{"columns":["arn","tag_key","kind","gap_share_usd"],"max_rows":10000}""");
        var result = Scan(answer);
        var csv = answer.GetProperty("csv").GetString()!;
        Assert.DoesNotContain("\"", csv, StringComparison.Ordinal);   // none of these columns needs quoting in the sample account
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("arn,tag_key,kind,gap_share_usd", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1], f[2], f[3])).ToList();

        Assert.False(answer.GetProperty("truncated").GetBoolean());
        Assert.Equal(result.ViolationsByCost.Length, answer.GetProperty("total_rows").GetInt32());
        Assert.Equal(result.ViolationsByCost.Select(v => (v.Arn, v.TagKey, v.Kind.ToWire(), Money.Plain(v.GapShareCents))), rows);
        Assert.Equal(result.Costs.GapCents, rows.Sum(r => (long)Math.Round(decimal.Parse(r.Item4, System.Globalization.CultureInfo.InvariantCulture) * 100)));
    }

    [Fact]
    public async Task Untagged_resources_are_the_ones_the_domain_counts_above_the_threshold()
    {
        var answer = await fixture.Client.AnswerAsync("find_untagged_resources", """{"resource_types":["all"],"min_monthly_cost":25.5,"limit":500}""");
        var result = Scan(answer);
        var expected = result.Resources.Where(r => UntaggedResourceQuery.IsUntagged(r) && r.Cost.Cents >= 2550).ToList();

        Assert.Equal(expected.Count, answer.GetProperty("total_count").GetInt32());
        Assert.Equal(Money.ToUsd(expected.Sum(r => r.Cost.Cents)), answer.GetProperty("total_monthly_cost_usd").GetDecimal());
        var costs = answer.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("monthly_cost_usd").GetDecimal()).ToList();
        Assert.All(costs, c => Assert.True(c >= 25.5m));
        Assert.Equal(costs.OrderDescending(), costs);
    }

    [Fact]
    public async Task Validation_gives_the_scans_verdicts_and_reports_unknown_arns_as_not_found()
    {
        var compliance = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"limit":1}""");
        var result = Scan(compliance);
        var compliant = result.Resources.First(r => r.InScope && r.Compliant);
        var broken = result.Resources.First(r => r.InScope && !r.Compliant);
        const string missing = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0000000000000dead";

        var answer = await fixture.Client.AnswerAsync("validate_resource_tags",
            JsonSerializer.Serialize(new { resource_arns = new[] { compliant.Arn, broken.Arn, missing } }));

        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["compliant", "non_compliant", "not_found"], results.Select(r => r.GetProperty("status").GetString()!));
        Assert.Equal(broken.Violations.Length, results[1].GetProperty("violations").GetArrayLength());
        Assert.Equal(Money.ToUsd(broken.CostAtStakeCents), results[1].GetProperty("cost_at_stake_usd").GetDecimal());
        Assert.Equal(0, results[2].GetProperty("violations").GetArrayLength());
        Assert.Equal(1, answer.GetProperty("not_found").GetInt32());
        Assert.Equal(1, answer.GetProperty("non_compliant").GetInt32());
    }

    private ComplianceResult Scan(JsonElement answer) =>
        Compliance.FindResult(answer.GetProperty("scan_id").GetString()!) ?? throw new Xunit.Sdk.XunitException("the answer's scan is not retained");

    private static void AssertSummary(ComplianceResult result, JsonElement answer)
    {
        var s = result.Summary;
        Assert.Equal(s.Score, answer.GetProperty("compliance_score").GetDouble());
        Assert.Equal(s.ScorePercent, answer.GetProperty("score_percent").GetDouble());
        Assert.Equal(s.NothingInScope, answer.GetProperty("nothing_in_scope").GetBoolean());
        Assert.Equal(s.TotalResources, answer.GetProperty("total_resources").GetInt32());
        Assert.Equal(s.InScope, answer.GetProperty("in_scope").GetInt32());
        Assert.Equal(s.Compliant, answer.GetProperty("compliant").GetInt32());
        Assert.Equal(s.NonCompliant, answer.GetProperty("non_compliant").GetInt32());
        Assert.Equal(s.OutOfScope, answer.GetProperty("out_of_scope").GetInt32());
        var rows = answer.GetProperty("regional_breakdown").EnumerateArray().ToList();
        Assert.Equal(result.Regions.Length, rows.Count);
        foreach (var (expected, row) in result.Regions.Zip(rows))
        {
            Assert.Equal(expected.Region, row.GetProperty("region").GetString());
            Assert.Equal(expected.Summary.Score, row.GetProperty("compliance_score").GetDouble());
            Assert.Equal(expected.Summary.NothingInScope, row.GetProperty("nothing_in_scope").GetBoolean());
            Assert.Equal(expected.Summary.InScope, row.GetProperty("in_scope").GetInt32());
            Assert.Equal(expected.Summary.Compliant, row.GetProperty("compliant").GetInt32());
            Assert.Equal(expected.Summary.Violations, row.GetProperty("violations").GetInt32());
            Assert.Equal(expected.Costs.GapCents, row.GetProperty("gap_cents").GetInt64());
            Assert.Equal(Money.ToUsd(expected.Costs.TotalCents), row.GetProperty("total_spend_usd").GetDecimal());
        }
    }
}
