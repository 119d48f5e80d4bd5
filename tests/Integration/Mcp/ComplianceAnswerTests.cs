using System.Globalization;
using System.Text.Json;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>check_tag_compliance answers from a cached result: the same question, another question, and the text block.</summary>
[Collection(McpHostCollection.Name)]
public sealed class ComplianceAnswerTests(McpHostFixture fixture)
{
    [Fact]
    public async Task Asking_again_gives_the_same_answer_and_another_severity_or_page_gets_its_own()
    {
        const string errors = """{"resource_types":["all"],"severity":"error","limit":5}""";
        _ = await fixture.Client.AnswerAsync("check_tag_compliance", errors); // the scan, if none is cached yet (from_cache differs)
        var first = await fixture.Client.AnswerAsync("check_tag_compliance", errors);
        var again = await fixture.Client.AnswerAsync("check_tag_compliance", errors);
        var warnings = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"severity":"warning","limit":5}""");
        var ten = await fixture.Client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"],"severity":"error","limit":10}""");
        var second = await fixture.Client.AnswerAsync("check_tag_compliance", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["resource_types"] = new[] { "all" }, ["severity"] = "error", ["limit"] = 5, ["cursor"] = first.GetProperty("next_cursor").GetString()!,
        }));

        Assert.Equal(first.GetProperty("scan_id").GetString(), warnings.GetProperty("scan_id").GetString());
        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.All(Severities(first), s => Assert.Equal("error", s));
        Assert.All(Severities(warnings), s => Assert.Equal("warning", s));
        Assert.NotEqual(first.GetProperty("violation_count").GetInt32(), warnings.GetProperty("violation_count").GetInt32());
        Assert.Equal(first.GetProperty("compliance_score").GetDouble(), warnings.GetProperty("compliance_score").GetDouble());
        Assert.Equal([.. Entries(first), .. Entries(second)], Entries(ten));
    }

    [Fact]
    public async Task The_text_block_spells_the_headline_figures_and_the_listed_violations_without_repeating_the_json()
    {
        var result = await fixture.Client.CallAsync("check_tag_compliance", """{"resource_types":["all"],"limit":3}""");
        var answer = JsonSerializer.SerializeToElement(result.StructuredContent);
        var text = McpCalls.Text(result);

        Assert.False(text.TrimStart().StartsWith('{'), "the text block is a summary, not the JSON again");
        Assert.True(text.Length < answer.GetRawText().Length / 2, $"the text block stays short ({text.Length} characters)");
        Assert.Contains(answer.GetProperty("score_percent").GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + "%", text, StringComparison.Ordinal);
        Assert.Contains(answer.GetProperty("violation_count").GetInt32().ToString("N0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(answer.GetProperty("cost_attribution_gap").GetProperty("amount_usd").GetDecimal().ToString("N2", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.All(Arns(answer), arn => Assert.Contains(arn, text, StringComparison.Ordinal));
        Assert.Contains(answer.GetProperty("next_cursor").GetString()!, text, StringComparison.Ordinal);
    }

    private static List<string> Severities(JsonElement answer) =>
        [.. answer.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("severity").GetString()!)];

    private static List<string> Arns(JsonElement answer) =>
        [.. answer.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("arn").GetString()!)];

    private static List<string> Entries(JsonElement answer) =>
        [.. answer.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("arn").GetString() + "|" + v.GetProperty("tag_key").GetString())];
}
