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
    public async Task Saving_a_new_policy_rejudges_the_shown_figures_at_once_without_a_notice()
    {
        var result = await ScanAsync();
        var page = Render<Overview>();
        var current = await Policies.GetPolicyAsync(CancellationToken.None);

        var saved = await Policies.SaveAsync(TaggingPolicyJson.Serialize(current with { RequiredTags = current.RequiredTags[1..] }), "test", CancellationToken.None);
        var rejudged = Compliance.LatestResult!;

        Assert.Equal(saved.ContentHash, rejudged.PolicyHash);
        Assert.Equal(result.ScanId, rejudged.ScanId);
        page.WaitForAssertion(() => Assert.Equal(Expected.Count(rejudged.Summary.Violations), page.Find("[data-testid=violations]").TextContent.Trim()), Patience);
        Assert.Empty(page.FindAll("[data-testid=result-policy-stale]"));
    }

    [Fact]
    public async Task A_pinned_scan_judged_by_an_earlier_policy_says_so()
    {
        var result = await ScanAsync();
        var current = await Policies.GetPolicyAsync(CancellationToken.None);
        await Policies.SaveAsync(TaggingPolicyJson.Serialize(current with { RequiredTags = current.RequiredTags[1..] }), "test", CancellationToken.None);

        Navigation.NavigateTo("/?scan=" + result.ScanId);
        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains(result.Policy.ShortHash, page.Find("[data-testid=result-policy-stale]").TextContent), Patience);
    }
}
