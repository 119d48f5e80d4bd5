using FinOps.Aws.Sample;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;

namespace FinOps.Tests.Unit.Sample;

/// <summary>The default sample account (seed 42, default size), listed once and shared by a test class.</summary>
public sealed class SampleAccountFixture : IAsyncLifetime
{
    public SampleAccount Account { get; } = SampleInventory.Account();

    public IReadOnlyList<CloudResource> Resources { get; private set; } = [];

    public PolicyEvaluator Evaluator { get; } =
        new(TaggingPolicyJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "tagging-policy.json"))));

    public async Task InitializeAsync() => Resources = await SampleInventory.ListAllAsync(Account);

    public Task DisposeAsync() => Task.CompletedTask;
}
