using System.Collections.Immutable;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Tests.Unit.Costs;
using static FinOps.Tests.Unit.Suggestions.SuggestionScan;

namespace FinOps.Tests.Unit.Suggestions;

public sealed class TagSuggesterTests
{
    private const string Region = "us-east-1";

    [Fact]
    public void Missing_tag_is_suggested_from_resources_in_the_same_vpc_first()
    {
        var result = Scan(
            Instance(1, "vpc-a", "web-1", Owner("ops"), Cost("CC-2")),
            Instance(2, "vpc-a", "web-2", Owner("ops"), Cost("CC-2")),
            Instance(3, "vpc-b", "api-1", Owner("ops"), Cost("CC-1")),
            Instance(4, "vpc-b", "api-2", Owner("ops"), Cost("CC-1")),
            Instance(5, "vpc-b", "api-3", Owner("ops"), Cost("CC-1")),
            Instance(9, "vpc-a", "web-9", Owner("ops")));

        var suggestions = TagSuggester.Suggest(result, Find(result, 9));

        var best = suggestions.First(s => s.TagKey == "CostCenter");
        Assert.Equal("CC-2", best.Value);
        Assert.Equal(SuggestionKind.SetValue, best.Kind);
        Assert.Contains("same VPC vpc-a", best.Reason);
        Assert.InRange(best.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void Values_the_policy_does_not_accept_are_never_suggested()
    {
        var result = Scan(
            Instance(1, "vpc-a", "web-1", Owner("ops"), Cost("CC-999")),
            Instance(2, "vpc-a", "web-2", Owner("ops"), Cost("CC-999")),
            Instance(3, "vpc-c", "db-1", Owner("ops"), Cost("CC-1")),
            Instance(9, "vpc-a", "web-9", Owner("ops")));

        var suggestions = TagSuggester.Suggest(result, Find(result, 9)).Where(s => s.TagKey == "CostCenter").ToList();

        Assert.DoesNotContain(suggestions, s => s.Value == "CC-999");
        Assert.Equal("CC-1", Assert.Single(suggestions).Value);
    }

    [Fact]
    public void A_key_in_the_wrong_letter_case_gets_a_rename_with_full_confidence()
    {
        var result = Scan(Instance(9, null, "x", Owner("ops"), new Tag("costcenter", "CC-1")));

        var rename = Assert.Single(TagSuggester.Suggest(result, Find(result, 9)), s => s.TagKey == "CostCenter");

        Assert.Equal(SuggestionKind.RenameKey, rename.Kind);
        Assert.Equal("CC-1", rename.Value);
        Assert.Equal(1.0, rename.Confidence);
    }

    [Fact]
    public void An_invalid_value_that_resembles_an_allowed_one_suggests_that_value()
    {
        var result = Scan(Instance(9, null, "x", Owner("ops"), Cost("cc-2")));

        var best = TagSuggester.Suggest(result, Find(result, 9)).First(s => s.TagKey == "CostCenter");

        Assert.Equal("CC-2", best.Value);
        Assert.Contains("'cc-2'", best.Reason);
    }

    [Fact]
    public void A_compliant_resource_gets_no_suggestions()
    {
        var result = Scan(Instance(1, "vpc-a", "web-1", Owner("ops"), Cost("CC-1")));

        Assert.Empty(TagSuggester.Suggest(result, Find(result, 1)));
    }

    [Fact]
    public void Staging_name_token_suggests_the_staging_environment()
    {
        // Most buckets, the application's own included, are production: only the name says otherwise.
        var result = SuggestionScan.Of([
            .. Buckets("catalog-prod-assets", 12, Workload("catalog", "production")),
            .. Buckets("inventory-prod-exports", 3, Workload("inventory", "production")),
            Bucket("inventory-stg-exports-1a2b3c4d", Workload("inventory", "staging", without: ["Environment"])),
        ]);

        var suggestions = Suggest(result, "inventory-stg-exports-1a2b3c4d", "Environment");

        Assert.Equal("staging", suggestions[0].Value);
        Assert.Contains("'stg'", suggestions[0].Reason);
        Assert.DoesNotContain(suggestions, s => s.Value == "production" && s.ConfidenceLabel != "low");
    }

    [Fact]
    public void The_application_the_name_starts_with_is_suggested_before_the_most_common_one()
    {
        var result = SuggestionScan.Of([
            .. Buckets("catalog-prod-assets", 12, Workload("catalog", "production")),
            .. Buckets("inventory-prod-exports", 3, Workload("inventory", "production")),
            Bucket("inventory-stg-exports-1a2b3c4d", Workload("inventory", "staging", without: ["Application"])),
        ]);

        var best = Suggest(result, "inventory-stg-exports-1a2b3c4d", "Application")[0];

        Assert.Equal("inventory", best.Value);
        Assert.Equal("high", best.ConfidenceLabel);
        Assert.Contains("starts with 'inventory'", best.Reason);
    }

    [Fact]
    public void A_new_application_is_read_from_the_words_before_the_stage_word()
    {
        var result = SuggestionScan.Of([
            .. Buckets("catalog-prod-assets", 5, Workload("catalog", "production")),
            Bucket("label-printer-stg-spool-9f", Workload("label-printer", "staging", without: ["Application"])),
        ]);

        var best = Suggest(result, "label-printer-stg-spool-9f", "Application")[0];

        Assert.Equal("label-printer", best.Value);
        Assert.Contains("before its stage word", best.Reason);
    }

    [Fact]
    public void Resources_of_the_same_cloudformation_stack_decide_when_the_name_says_nothing()
    {
        var stack = new Tag("aws:cloudformation:stack-name", "orders-api");
        var result = SuggestionScan.Of([
            .. Enumerable.Range(1, 8).Select(i => VpcInstance(i, "vpc-shared", $"web-{i:D2}", Workload("billing", "production"))),
            .. Enumerable.Range(11, 3).Select(i => VpcInstance(i, "vpc-shared", $"api-{i:D2}", [.. Workload("orders", "production"), stack])),
            VpcInstance(99, "vpc-shared", "worker-7", [.. Workload("orders", "production", without: ["Application"]), stack]),
        ]);

        var best = SuggestFor(result, 99, "Application")[0];

        Assert.Equal("orders", best.Value);
        Assert.Contains("CloudFormation stack 'orders-api'", best.Reason);
    }

    [Fact]
    public void Resources_sharing_the_application_tag_suggest_its_owner_over_the_most_common_one()
    {
        var result = SuggestionScan.Of([
            .. Enumerable.Range(1, 10).Select(i => VpcInstance(i, $"vpc-{i}", $"web-{i:D2}", Workload("billing", "production", owner: "billing@example.com"))),
            .. Enumerable.Range(11, 3).Select(i => VpcInstance(i, $"vpc-{i}", $"db-{i:D2}", Workload("orders", "production", owner: "orders@example.com"))),
            VpcInstance(99, "vpc-99", "worker-7", Workload("orders", "production", without: ["Owner"])),
        ]);

        var best = SuggestFor(result, 99, "Owner")[0];

        Assert.Equal("orders@example.com", best.Value);
        Assert.Contains("tagged Application=orders", best.Reason);
    }

    [Fact]
    public void A_stage_word_against_a_unanimous_stack_is_never_high_confidence()
    {
        // Stacks keep to one stage in this account (ledger's is development), and payments' stack is production.
        var stack = new Tag("aws:cloudformation:stack-name", "payments");
        var result = SuggestionScan.Of([
            .. Enumerable.Range(1, 6).Select(i => VpcInstance(i, "vpc-a", $"payments-node-{i}", [.. Workload("payments", "production"), stack])),
            .. Enumerable.Range(11, 6).Select(i => VpcInstance(i, "vpc-l", $"ledger-node-{i}",
                [.. Workload("ledger", "development"), new Tag("aws:cloudformation:stack-name", "ledger")])),
            VpcInstance(99, "vpc-a", "payments-stg-node-9", [.. Workload("payments", "production", without: ["Environment"]), stack]),
        ]);

        var suggestions = SuggestFor(result, 99, "Environment");

        Assert.DoesNotContain(suggestions, s => s.ConfidenceLabel == "high");
    }

    [Fact]
    public void A_value_resembling_an_allowed_one_is_not_enough_for_high_confidence()
    {
        var result = SuggestionScan.Of([Bucket("x1", [.. Workload("catalog", "production", without: ["Environment"]), new Tag("Environment", "Prod")])]);

        var best = Suggest(result, "x1", "Environment")[0];

        Assert.Equal("production", best.Value);
        Assert.NotEqual("high", best.ConfidenceLabel);
        Assert.Contains("'Prod'", best.Reason);
    }

    [Fact]
    public void A_name_that_names_two_stages_says_nothing_about_either()
    {
        var result = SuggestionScan.Of([
            .. Buckets("sync-jobs", 4, Workload("sync", "development")),
            Bucket("sync-jobs-prod-to-dev-1", Workload("sync", "production", without: ["Environment"])),
        ]);

        var best = Suggest(result, "sync-jobs-prod-to-dev-1", "Environment")[0];

        Assert.Equal("development", best.Value);
        Assert.DoesNotContain("The name", best.Reason);
    }

    [Fact]
    public void An_application_read_from_a_name_is_dropped_when_the_policy_pattern_rejects_it()
    {
        // The shipped pattern wants at least two characters: "q" before the stage word is no application.
        var result = SuggestionScan.Of([Bucket("q-stg-exports-1", Workload("q", "staging", without: ["Application"]))]);

        Assert.Empty(Suggest(result, "q-stg-exports-1", "Application"));
    }

    [Fact]
    public void A_value_accepted_only_on_another_type_is_never_suggested()
    {
        // Environment is checked on databases only, so the instances' "prod" passes there but not on a database.
        var policy = TaggingPolicyJson.Parse("""
            { "version": "t", "requiredTags": [ { "key": "Environment", "allowedValues": ["production", "staging"], "appliesTo": ["rds:db"] } ] }
            """);
        var result = SuggestionScan.Of([
            .. Enumerable.Range(1, 5).Select(i => VpcInstance(i, "vpc-a", $"node-{i}", new Tag("Environment", "prod"))),
            new CloudResource($"arn:aws:rds:us-east-1:{SuggestionScan.Account}:db:x1", "rds:db", "us-east-1", [], "x1", null, null, "vpc-a"),
        ], policy);

        Assert.DoesNotContain(Suggest(result, "x1", "Environment"), s => s.Value == "prod");
    }

    [Fact]
    public void A_stage_word_is_suggested_in_the_spelling_the_policy_allows()
    {
        var policy = TaggingPolicyJson.Parse("""
            { "version": "t", "requiredTags": [ { "key": "Stage", "allowedValues": ["Prd", "Stage", "Dev"] } ] }
            """);
        var result = SuggestionScan.Of([Bucket("orders-staging-exports-1")], policy);

        var best = Suggest(result, "orders-staging-exports-1", "Stage")[0];

        Assert.Equal("Stage", best.Value);
    }

    private static Tag Owner(string who) => new("Owner", $"{who}@example.com");

    private static Tag Cost(string value) => new("CostCenter", value);

    private static CloudResource Instance(int id, string? vpc, string name, params Tag[] tags) =>
        CostScenario.Resource("ec2:instance", Region, id, [.. tags], "running", name) with { VpcId = vpc };

    private static ComplianceResult Scan(params CloudResource[] resources) =>
        resources.Aggregate(CostScenario.Empty(Region), (s, r) => s.With(r)).Build();

    private static EvaluatedResource Find(ComplianceResult result, int id) =>
        result.Resources.Single(r => r.Arn.EndsWith($"r-{id:D6}", StringComparison.Ordinal));

    private static IEnumerable<CloudResource> Buckets(string prefix, int count, Tag[] tags) =>
        Enumerable.Range(0, count).Select(i => Bucket($"{prefix}-{i + 0x10:x8}", tags));

    /// <summary>The value suggestions for one key of the resource named <paramref name="name"/>, best first.</summary>
    private static List<TagSuggestion> Suggest(ComplianceResult result, string name, string key) =>
        [.. TagSuggester.Suggest(result, result.Resources.Single(r => r.Resource.Name == name)).Where(s => s.TagKey == key && s.Kind == SuggestionKind.SetValue)];

    private static List<TagSuggestion> SuggestFor(ComplianceResult result, int instance, string key) =>
        [.. TagSuggester.Suggest(result, result.Resources.Single(r => r.Arn.EndsWith($"i-{instance:x17}", StringComparison.Ordinal)))
            .Where(s => s.TagKey == key && s.Kind == SuggestionKind.SetValue)];
}
