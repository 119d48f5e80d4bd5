using FinOps.Domain.Policy;
using Microsoft.Extensions.Logging.Abstractions;
using static FinOps.Tests.Unit.Policy.PolicyFixture;

namespace FinOps.Tests.Unit.Policy;

/// <summary>Loading and saving the policy in force through an <see cref="Domain.Ports.IPolicyStore"/>.</summary>
public sealed class PolicyServiceTests
{
    private const string EditedPolicy = """{ "version": "edited", "requiredTags": [{ "key": "Team", "pattern": "[a-z]+" }] }""";

    [Fact]
    public async Task Policy_is_loaded_from_the_store_on_first_use_and_kept()
    {
        var store = new InMemoryPolicyStore(ShippedPolicyJson);
        using var service = new PolicyService(store, NullLogger<PolicyService>.Instance);

        var policy = await service.GetPolicyAsync(CancellationToken.None);
        var evaluator = await service.GetEvaluatorAsync(CancellationToken.None);

        Assert.Equal(TaggingPolicyJson.Parse(ShippedPolicyJson).ContentHash, policy.ContentHash);
        Assert.Same(policy, evaluator.Policy);
        Assert.Equal(1, store.Reads);
        Assert.Equal(store.Location, service.Location);
    }

    [Fact]
    public async Task Missing_policy_is_an_error_naming_where_it_was_looked_for()
    {
        using var service = new PolicyService(new InMemoryPolicyStore(null), NullLogger<PolicyService>.Instance);

        var ex = await Assert.ThrowsAsync<InvalidPolicyException>(() => service.GetPolicyAsync(CancellationToken.None));

        Assert.Contains("memory://tagging-policy.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_stored_policy_is_an_error_naming_the_problem()
    {
        using var service = new PolicyService(new InMemoryPolicyStore("""{ "requiredTags": [{ "key": "Owner", "pattern": "(" }] }"""),
            NullLogger<PolicyService>.Instance);

        var ex = await Assert.ThrowsAsync<InvalidPolicyException>(() => service.GetEvaluatorAsync(CancellationToken.None));

        Assert.Equal("Owner", Assert.Single(ex.Errors).TagKey);
    }

    [Fact]
    public async Task Saving_a_valid_policy_stores_it_puts_it_in_force_and_raises_PolicyChanged()
    {
        var store = new InMemoryPolicyStore(ShippedPolicyJson);
        using var service = new PolicyService(store, NullLogger<PolicyService>.Instance);
        var before = await service.GetEvaluatorAsync(CancellationToken.None);
        var raised = new List<TaggingPolicy>();
        service.PolicyChanged += raised.Add;

        var saved = await service.SaveAsync(EditedPolicy, "admin@example.com", CancellationToken.None);

        Assert.Equal(1, store.Writes);
        Assert.Equal(saved.ContentHash, TaggingPolicyJson.Parse(store.Document!).ContentHash);
        Assert.Equal(saved, Assert.Single(raised));
        var after = await service.GetEvaluatorAsync(CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal("edited", (await service.GetPolicyAsync(CancellationToken.None)).Version);
        Assert.NotEqual(before.Policy.ContentHash, after.Policy.ContentHash);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "requiredTags": [{ "key": "Owner", "pattern": "[" }] }""")]
    [InlineData("""{ "requiredTags": [{ "key": "" }] }""")]
    [InlineData("""{ "requiredTags": [{ "key": "Owner", "appliesTo": ["ec2:nothing"] }] }""")]
    public async Task Saving_an_invalid_policy_saves_nothing_and_throws(string json)
    {
        var store = new InMemoryPolicyStore(ShippedPolicyJson);
        using var service = new PolicyService(store, NullLogger<PolicyService>.Instance);
        var before = await service.GetPolicyAsync(CancellationToken.None);
        var raised = 0;
        service.PolicyChanged += _ => raised++;

        await Assert.ThrowsAsync<InvalidPolicyException>(() => service.SaveAsync(json, "admin@example.com", CancellationToken.None));

        Assert.Equal(0, store.Writes);
        Assert.Equal(ShippedPolicyJson, store.Document);
        Assert.Equal(0, raised);
        Assert.Same(before, await service.GetPolicyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Validation_reports_problems_without_saving()
    {
        var store = new InMemoryPolicyStore(ShippedPolicyJson);

        var (policy, errors) = PolicyService.Validate("""{ "requiredTags": [{ "key": "Owner", "pattern": "[" }] }""");

        Assert.Null(policy);
        Assert.Single(errors);
        Assert.Equal(0, store.Writes);
        Assert.NotNull(PolicyService.Validate(EditedPolicy).Policy);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Loading_honours_cancellation()
    {
        using var service = new PolicyService(new InMemoryPolicyStore(ShippedPolicyJson), NullLogger<PolicyService>.Instance);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.GetPolicyAsync(cancelled.Token));
    }
}
