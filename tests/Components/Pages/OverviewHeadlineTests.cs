using System.Globalization;
using Bunit;
using FinOps.Domain.Costs;
using FinOps.Domain.Policy;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class OverviewHeadlineTests : DashboardTestContext
{
    [Fact]
    public async Task The_gap_card_says_its_share_of_the_total_spend_shown_beside_it()
    {
        var result = await ScanAsync();
        var gap = AttributionGapReport.From(result).Overall;

        var page = Render<Overview>();

        Assert.Equal(Expected.Usd(gap.Total.Cents), page.Find("[data-testid=total-spend]").TextContent.Trim());
        Assert.Equal(gap.Total.ProvenanceLabel, page.Find("[data-testid=total-spend-provenance]").TextContent.Trim());
        var share = Math.Round(100.0 * gap.Gap.Cents / gap.Total.Cents, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.StartsWith($"{share}% of total spend", page.Find("[data-testid=gap-caption]").TextContent.Trim());
        var cards = page.FindAll("[data-testid=headlines] > *").Select(c => c.GetAttribute("data-testid")).ToList();
        Assert.Equal(cards.IndexOf("gap-card") + 1, cards.IndexOf("total-spend-card"));
    }

    [Fact]
    public async Task The_resources_in_scope_card_shows_only_when_the_policy_leaves_something_out()
    {
        await ScanAsync();
        var page = Render<Overview>();
        Assert.Empty(page.FindAll("[data-testid=in-scope]"));

        // Every required tag narrowed to instances: everything else falls out of scope.
        var policies = Services.GetRequiredService<PolicyService>();
        var policy = await policies.GetPolicyAsync(CancellationToken.None);
        await policies.SaveAsync(TaggingPolicyJson.Serialize(policy with
        {
            RequiredTags = [.. policy.RequiredTags.Select(t => t with { AppliesTo = ["ec2:instance"] })],
        }), "test", CancellationToken.None);
        var narrowed = await ScanAsync(FinOps.Domain.Scanning.ScanRequest.Default with { ForceRefresh = true });
        Assert.True(narrowed.Summary.OutOfScope > 0);

        page.WaitForAssertion(() =>
        {
            Assert.Equal(Expected.Count(narrowed.Summary.InScope), page.Find("[data-testid=in-scope]").TextContent.Trim());
            Assert.Contains($"{Expected.Count(narrowed.Summary.OutOfScope)} out of scope", page.Find("[data-testid=in-scope-caption]").TextContent);
        }, PageTestExtensions.Patience);
    }
}
