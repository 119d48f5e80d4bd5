using System.Text.Json;

namespace FinOps.Tests.Integration.Mcp;

/// <summary>get_cost_attribution_gap says which spend each key's measured untagged figure covers.</summary>
[Collection(McpHostCollection.Name)]
public sealed class UntaggedSpendCoverageTests(McpHostFixture fixture)
{
    [Fact]
    public async Task Untagged_spend_of_a_key_that_applies_to_types_is_measured_over_their_services_and_says_so()
    {
        var answer = await fixture.Client.AnswerAsync("get_cost_attribution_gap", "{}");

        var keys = answer.GetProperty("untagged_by_tag_key").EnumerateArray().ToDictionary(t => t.GetProperty("tag_key").GetString()!);
        var dataClassification = keys["DataClassification"];
        Assert.Equal(
            ["Amazon DynamoDB", "Amazon Elastic File System", "Amazon Relational Database Service", "Amazon Simple Storage Service", "EC2 - Other"],
            dataClassification.GetProperty("measured_services").Strings());
        Assert.StartsWith("Measured over Amazon DynamoDB, ", dataClassification.GetProperty("measured_over").GetString());
        Assert.Contains(dataClassification.GetProperty("measured_over").GetString()!,
            dataClassification.GetProperty("measured").GetProperty("explanation").GetString());
        var measured = dataClassification.GetProperty("measured").GetProperty("amount_cents").GetInt64();
        var fromResources = dataClassification.GetProperty("from_resources").GetProperty("amount_cents").GetInt64();
        Assert.InRange(measured, fromResources, 3 * fromResources);

        var owner = keys["Owner"];
        Assert.Equal(JsonValueKind.Null, owner.GetProperty("measured_services").ValueKind);
        Assert.Contains("every service that can carry tags", owner.GetProperty("measured_over").GetString());
    }
}
