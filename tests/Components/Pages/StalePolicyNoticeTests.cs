using Bunit;
using FinOps.Domain.Policy;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class StalePolicyNoticeTests : DashboardTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private PolicyService Policies => Services.GetRequiredService<PolicyService>();

    [Fact]
    public async Task Figures_judged_by_the_policy_in_force_carry_no_notice()
    {
        await ScanAsync();

        var page = Render<Overview>();

        Assert.Empty(page.FindAll("[data-testid=result-policy-stale]"));
    }

    [Fact]
    public async Task Saving_a_new_policy_marks_the_shown_figures_as_judged_by_the_earlier_one()
    {
        var result = await ScanAsync();
        var page = Render<Overview>();
        var current = await Policies.GetPolicyAsync(CancellationToken.None);

        await Policies.SaveAsync(TaggingPolicyJson.Serialize(current with { RequiredTags = current.RequiredTags[1..] }), "test", CancellationToken.None);

        page.WaitForAssertion(() =>
        {
            var notice = page.Find("[data-testid=result-policy-stale]");
            Assert.Contains(result.Policy.ShortHash, notice.TextContent);
            Assert.Equal("scan", notice.QuerySelector("a")!.GetAttribute("href"));
        }, Patience);
    }
}
