using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Policy;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class PolicyPageTests : DashboardTestContext
{
    private const string OrganizationsPolicy = """
        {
          "tags": {
            "costcenter": {
              "tag_key": { "@@assign": "CostCenter" },
              "tag_value": { "@@assign": ["CC-100", "CC-200"] },
              "enforced_for": { "@@assign": ["ec2:instance"] }
            },
            "team": {
              "tag_key": { "@@assign": "Team" },
              "tag_value": { "@@assign": ["blue*"] }
            }
          }
        }
        """;

    private PolicyService Policies => Services.GetRequiredService<PolicyService>();

    [Fact]
    public async Task The_page_shows_the_policys_version_and_never_the_servers_path_to_it()
    {
        var policy = await Policies.GetPolicyAsync(CancellationToken.None);

        var page = RenderPolicy();

        Assert.Equal(policy.Version, page.Find("[data-testid=policy-version]").TextContent.Trim());
        Assert.DoesNotContain(Policies.Location, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(Policies.Location)!, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_required_and_optional_tags_with_their_rules_and_the_policy_hash()
    {
        var policy = await Policies.GetPolicyAsync(CancellationToken.None);

        var page = RenderPolicy();

        var rows = page.FindAll("[data-testid=policy-tags] tbody tr");
        Assert.Equal(policy.RequiredTags.Concat(policy.OptionalTags).Select(t => t.Key), rows.Select(r => r.QuerySelector("td[data-key]")!.GetAttribute("data-key")));
        Assert.Equal(policy.ShortHash, page.Find("[data-testid=policy-hash]").TextContent.Trim());
        foreach (var (tag, row) in policy.RequiredTags.Concat(policy.OptionalTags).Zip(rows))
        {
            Assert.Equal(tag.AppliesTo.IsDefaultOrEmpty ? "every type" : string.Join(", ", tag.AppliesTo), row.QuerySelector("[data-testid=policy-tag-applies]")!.TextContent.Trim());
            Assert.Equal(policy.RequiredTags.Contains(tag) ? "required" : "optional", row.QuerySelector("[data-testid=policy-tag-kind]")!.TextContent.Trim());
        }

        Assert.Contains(rows, r => r.TextContent.Contains("CC-300", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_editor_lists_a_bad_pattern_and_an_unknown_type_inline_and_cannot_save()
    {
        var before = await Policies.GetPolicyAsync(CancellationToken.None);
        var page = RenderPolicy();
        await OpenTabAsync(page, "Edit");
        var json = TaggingPolicyJson.Serialize(before)
            .Replace("[a-z][a-z0-9-]{1,39}", "[a-z", StringComparison.Ordinal)
            .Replace("\"ec2:volume\"", "\"ec2:nonsense\"", StringComparison.Ordinal);
        var expected = PolicyService.Validate(json).Errors;

        page.Find("textarea#policy-json").Input(json);

        page.WaitForAssertion(() => Assert.Equal(expected.Length, page.FindAll("[data-testid=policy-error]").Count), PageTestExtensions.Patience);
        var shown = page.FindAll("[data-testid=policy-error]");
        Assert.Equal(expected.Select(e => e.Path), shown.Select(e => e.GetAttribute("data-path")));
        Assert.Contains(shown, e => e.TextContent.Contains("Application", StringComparison.Ordinal) && e.GetAttribute("data-path")!.EndsWith(".pattern", StringComparison.Ordinal));
        Assert.Contains(shown, e => e.TextContent.Contains("ec2:nonsense", StringComparison.Ordinal));
        Assert.True(page.Find("[data-testid=policy-save]").HasAttribute("disabled"));
        Assert.Equal(before.ContentHash, (await Policies.GetPolicyAsync(CancellationToken.None)).ContentHash);
    }

    [Fact]
    public async Task Saving_a_valid_edit_puts_it_in_force_and_rescans_with_it()
    {
        var old = await this.RunScanAsync();
        var before = await Policies.GetPolicyAsync(CancellationToken.None);
        var page = RenderPolicy();
        await OpenTabAsync(page, "Edit");
        var edited = before with { RequiredTags = [.. before.RequiredTags.Where(t => t.Key != "Owner")] };
        var json = TaggingPolicyJson.Serialize(edited);

        page.Find("textarea#policy-json").Input(json);
        page.WaitForAssertion(() => Assert.Contains("Owner", page.Find("[data-testid=policy-diff]").TextContent), PageTestExtensions.Patience);
        var change = Assert.Single(page.FindAll("[data-testid=policy-change]"));
        Assert.Equal("removed", change.GetAttribute("data-kind"));
        await ClickWhenEnabledAsync(page, "[data-testid=policy-save]");

        page.WaitForAssertion(() => Assert.Contains(edited.ShortHash, page.Find("[data-testid=policy-saved]").TextContent), PageTestExtensions.Patience);
        Assert.Equal(edited.ContentHash, (await Policies.GetPolicyAsync(CancellationToken.None)).ContentHash);
        var rescan = Services.GetRequiredService<ComplianceService>().ListJobs().First(j => j.StartedAt >= old.AsOf);
        var fresh = await rescan.Completion;
        Assert.Equal(edited.ContentHash, fresh.PolicyHash);
        Assert.True(fresh.Summary.Score >= old.Summary.Score, "dropping a required tag cannot lower the score");
        page.WaitForAssertion(() => Assert.Equal("succeeded", page.Find("[data-testid=policy-rescan]").GetAttribute("data-status")), PageTestExtensions.Patience);
        Assert.Equal(edited.RequiredTags.Length, page.FindAll("[data-testid=policy-tags] tbody tr").Count - edited.OptionalTags.Length);
    }

    [Fact]
    public async Task Importing_an_organizations_policy_previews_its_diff_and_warnings_and_applies_it()
    {
        var current = await Policies.GetPolicyAsync(CancellationToken.None);
        var expected = OrganizationsPolicyImporter.Import(OrganizationsPolicy, current);
        var page = RenderPolicy();
        await OpenTabAsync(page, "Import from AWS Organizations");

        page.Find("textarea#organizations-policy").Input(OrganizationsPolicy);
        await ClickWhenEnabledAsync(page, "[data-testid=import-preview]");

        var changes = page.FindAll("[data-testid=policy-change]").Where(c => c.GetAttribute("data-kind") != "rules").ToList();
        Assert.Equal(expected.Diff.Changes.Select(c => (c.Kind.ToString().ToLowerInvariant(), c.TagKey)),
            changes.Select(c => (c.GetAttribute("data-kind")!, c.GetAttribute("data-key")!)));
        Assert.Contains(changes, c => c.GetAttribute("data-key") == "Team" && c.GetAttribute("data-kind") == "added");
        Assert.Equal(expected.Warnings.Length, page.FindAll("[data-testid=import-warning]").Count);

        await ClickWhenEnabledAsync(page, "[data-testid=import-apply]");

        page.WaitForAssertion(() => Assert.Contains(expected.Policy.ShortHash, page.Find("[data-testid=policy-saved]").TextContent), PageTestExtensions.Patience);
        Assert.Equal(expected.Policy.ContentHash, (await Policies.GetPolicyAsync(CancellationToken.None)).ContentHash);
    }

    [Fact]
    public async Task A_pasted_document_that_is_no_tag_policy_is_explained()
    {
        var page = RenderPolicy();
        await OpenTabAsync(page, "Import from AWS Organizations");

        page.Find("textarea#organizations-policy").Input("{\"nope\": 1}");
        await ClickWhenEnabledAsync(page, "[data-testid=import-preview]");

        Assert.Contains("tags", page.Find("[data-testid=import-errors]").TextContent);
        Assert.True(page.Find("[data-testid=import-apply]").HasAttribute("disabled"));
    }

    [Fact]
    public void Without_a_scan_the_page_still_shows_the_policy_and_offers_a_scan()
    {
        var page = RenderPolicy();

        Assert.Equal("scan", page.Find("[data-testid=empty-state] a").GetAttribute("href"));
    }

    private IRenderedComponent<PolicyPage> RenderPolicy()
    {
        var page = Render<PolicyPage>();
        page.WaitForElement("[data-testid=policy-tags]", PageTestExtensions.Patience);
        return page;
    }

    /// <summary>Clicks a button once it is enabled, finding it again inside the renderer so a re-render cannot slip in between.</summary>
    private static async Task ClickWhenEnabledAsync(IRenderedComponent<PolicyPage> page, string selector)
    {
        page.WaitForAssertion(() => Assert.False(page.Find(selector).HasAttribute("disabled")), PageTestExtensions.Patience);
        await page.InvokeAsync(() => page.Find(selector).Click());
    }

    private static async Task OpenTabAsync(IRenderedComponent<PolicyPage> page, string name)
    {
        await page.InvokeAsync(() => page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == name).Click());
        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".mud-tab.mud-tab-active"), t => t.TextContent.Trim() == name), PageTestExtensions.Patience);
    }
}
