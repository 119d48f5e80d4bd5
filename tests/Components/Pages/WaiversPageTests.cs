using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Domain.Waivers;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>
/// The /waivers page: lists waivers with their status, filters by status, shows the waived spend the domain reconciles,
/// and lets the local user (an admin) approve a pending waiver someone else requested, which takes the resource out of
/// the gap on every view.
/// </summary>
public sealed class WaiversPageTests : DashboardTestContext
{
    [Fact]
    public async Task Approving_a_pending_waiver_shows_it_approved_and_the_waived_spend_of_the_domain()
    {
        var result = await ScanAsync();
        var offender = result.ViolationsByCost.First(v => v.Severity == FinOps.Domain.Policy.Severity.Error && v.ResourceCostCents > 0).Resource;
        var waivers = Services.GetRequiredService<WaiverService>();
        var requested = await waivers.RequestAsync(new WaiverRequest(offender.Arn, null, null, null, null, null, "retiring",
            DateTimeOffset.UtcNow.AddDays(20)), "alice@example.com", CancellationToken.None);
        Assert.True(requested.Succeeded, requested.Refusal);

        var page = Render<Waivers>();
        page.WaitForElement("[data-testid=waiver-approve]", PageTestExtensions.Patience);
        Assert.Equal("pending", page.Find("[data-testid=waiver-status]").TextContent.Trim());
        Assert.Equal(offender.Arn, page.Find("[data-testid=waiver-scope]").TextContent.Trim());
        Assert.Equal("$0.00", page.Find("[data-testid=waived-spend-amount]").TextContent.Trim());

        await page.Find("[data-testid=waiver-approve]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("approved", page.Find("[data-testid=waiver-status]").TextContent.Trim()), PageTestExtensions.Patience);
        var view = Compliance.Current(ScanScope.Everything)!;
        Assert.Equal(offender.Cost.Cents, view.Costs.WaivedCents);
        Assert.Equal(1, view.Summary.Waived);
        Assert.Equal(Expected.Usd(view.Costs.WaivedCents), page.Find("[data-testid=waived-spend-amount]").TextContent.Trim());
        Assert.Equal("1 waived resource", page.Find("[data-testid=waived-count]").TextContent.Trim());
        Assert.Contains("Waiver approved", page.Find("[data-testid=waiver-action-message]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=waiver-revoke]"));
        Assert.Equal(result.Costs.GapCents - offender.Cost.Cents, view.Costs.GapCents);
    }

    [Fact]
    public async Task The_status_filter_narrows_the_list_and_a_refusal_is_shown()
    {
        await ScanAsync();
        var waivers = Services.GetRequiredService<WaiverService>();
        var mine = await waivers.RequestAsync(new WaiverRequest(null, "ec2:instance", "*", "web-*", null, "Owner", "web tier",
            DateTimeOffset.UtcNow.AddDays(5)), "local", CancellationToken.None);
        var other = await waivers.RequestAsync(new WaiverRequest(null, "s3:bucket", "*", null, "Team=data-*", null, "data lake",
            DateTimeOffset.UtcNow.AddDays(5)), "bob", CancellationToken.None);
        await waivers.RejectAsync(other.Waiver!.Id, "carol", CancellationToken.None);

        var page = Render<Waivers>();
        page.WaitForElement("[data-testid=waivers-table] tbody tr", PageTestExtensions.Patience);
        Assert.Equal(2, page.FindAll("[data-testid=waiver-status]").Count);

        await page.Find("[data-testid=waiver-filter-rejected]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["rejected"], page.FindAll("[data-testid=waiver-status]").Select(e => e.TextContent.Trim())));
        await page.Find("[data-testid=waiver-filter-expired]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("No waivers have this status", page.Find("[data-testid=waivers-empty]").TextContent, StringComparison.Ordinal));
        await page.Find("[data-testid=waiver-filter-pending]").ClickAsync(new());
        page.WaitForElement("[data-testid=waiver-approve]", PageTestExtensions.Patience);

        // The local user ("local") requested this one: approving their own is refused (self-approval is off) and says so.
        var actor = await Services.GetRequiredService<FinOps.Web.Security.DashboardUser>().PrincipalAsync();
        Assert.Equal(mine.Waiver!.RequestedBy, FinOps.Web.Security.PermissionClaims.ActorOf(actor));
        await page.Find("[data-testid=waiver-approve]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("cannot approve it too", page.Find("[data-testid=waiver-action-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal("pending", page.Find("[data-testid=waiver-status]").TextContent.Trim());
    }
}
