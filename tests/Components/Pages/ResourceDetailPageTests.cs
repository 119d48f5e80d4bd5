using Bunit;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.Suggestions;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;

namespace FinOps.Tests.Components.Pages;

public sealed class ResourceDetailPageTests : DashboardTestContext
{
    [Fact]
    public async Task The_page_shows_the_resource_its_tags_each_violation_beside_its_tag_and_a_suggestion()
    {
        var result = await this.RunScanAsync();
        var (resource, rows) = result.Resources.Select(r => (r, TagReview.For(result, r)))
            .First(x => x.r.Arn.Contains('/', StringComparison.Ordinal) && x.Item2.Any(row => row.IsMissing && !row.Suggestions.IsEmpty));

        var page = RenderResource(Uri.EscapeDataString(resource.Arn));

        Assert.Equal(resource.Type, page.Find("[data-testid=resource-type]").TextContent.Trim());
        Assert.Equal(resource.Region, page.Find("[data-testid=resource-region]").TextContent.Trim());
        Assert.Equal(ViolationsPageTests.Usd(resource.Cost.Cents), page.Find("[data-testid=resource-cost] [data-testid=cost-amount]").TextContent.Trim());
        Assert.Equal("non-compliant", page.Find("[data-testid=resource-compliance]").TextContent.Trim());
        Assert.Equal(Arn.Parse(resource.Arn).ResourceId, page.Find("[data-testid=resource-title]").TextContent.Trim());

        var shown = page.FindAll("[data-testid=tag-table] tbody tr");
        Assert.Equal(rows.Select(r => r.Key), shown.Select(r => r.QuerySelector("[data-testid=tag-key]")!.GetAttribute("data-key")));
        foreach (var tag in resource.Resource.Tags)
        {
            Assert.Contains(shown, r => r.QuerySelector("[data-testid=tag-key]")!.GetAttribute("data-key") == tag.Key
                && r.QuerySelector("[data-testid=tag-value]")!.TextContent.Trim() == tag.Value);
        }

        foreach (var violation in resource.Violations)
        {
            var row = Assert.Single(rows, r => r.Violations.Contains(violation));
            var cells = shown[rows.IndexOf(row)];
            Assert.Contains(violation.Message, cells.QuerySelector("[data-testid=tag-violation]")!.TextContent);
        }

        var missing = rows.First(r => r.IsMissing && !r.Suggestions.IsEmpty);
        var missingRow = shown[rows.IndexOf(missing)];
        Assert.Equal("(missing)", missingRow.QuerySelector("[data-testid=tag-value]")!.TextContent.Trim());
        Assert.Equal(missing.Expected, missingRow.QuerySelector("[data-testid=tag-expected]")!.TextContent.Trim());
        var suggestion = missingRow.QuerySelectorAll("[data-testid=suggestion]")[0];
        Assert.Equal(missing.Suggestions[0].Value, suggestion.QuerySelector("[data-testid=suggestion-value]")!.TextContent.Trim());
        Assert.Contains($"{missing.Suggestions[0].ConfidenceLabel} confidence", suggestion.TextContent);
        Assert.Contains(missing.Suggestions[0].Reason, suggestion.TextContent);
    }

    [Fact]
    public async Task A_key_in_the_wrong_letter_case_gets_a_rename_suggestion()
    {
        var result = await this.RunScanAsync();
        var resource = result.Resources.First(r => r.Violations.Any(v => v.Kind == ViolationKind.KeyCaseMismatch));
        var mismatch = resource.Violations.First(v => v.Kind == ViolationKind.KeyCaseMismatch);

        var page = RenderResource(Uri.EscapeDataString(resource.Arn));

        var row = page.Find($"[data-testid=tag-table] td[data-key='{mismatch.CurrentValue}']").ParentElement!;
        Assert.Equal("violation", row.QuerySelector("[data-testid=tag-status]")!.GetAttribute("data-status"));
        Assert.Contains($"Rename to {mismatch.TagKey}", row.QuerySelector("[data-testid=suggestion]")!.TextContent);
    }

    [Fact]
    public async Task A_raw_arn_with_slashes_in_the_path_finds_the_resource_too()
    {
        var result = await this.RunScanAsync();
        var resource = result.Resources.First(r => r.Arn.Contains('/', StringComparison.Ordinal));

        var page = RenderResource(resource.Arn);

        Assert.Equal(resource.Arn, page.Find("[data-testid=resource-arn]").TextContent.Trim());
    }

    [Fact]
    public async Task An_arn_the_scan_does_not_have_gets_a_clear_message()
    {
        await this.RunScanAsync();

        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString("arn:aws:ec2:us-east-1:123456789012:instance/i-0000000000nothere")));

        Assert.Contains("has no resource with the ARN", page.Find("[data-testid=resource-not-found]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=tag-table]"));
    }

    [Theory]
    [InlineData("not-an-arn")]
    [InlineData("arn:aws:ec2")]
    [InlineData("arn:aws:ec2:us-east-1:12345:instance/i-1")]
    public async Task A_malformed_arn_gets_the_parsers_explanation(string text)
    {
        await this.RunScanAsync();
        Assert.False(Arn.TryParse(text, out _, out var error));

        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString(text)));

        Assert.Contains(error!, page.Find("[data-testid=arn-error]").TextContent);
    }

    [Fact]
    public async Task A_compliant_resource_shows_its_tags_as_ok_without_suggestions()
    {
        var result = await this.RunScanAsync();
        var resource = result.Resources.First(r => r.InScope && r.Violations.IsEmpty);

        var page = RenderResource(Uri.EscapeDataString(resource.Arn));

        Assert.Equal("compliant", page.Find("[data-testid=resource-compliance]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=suggestion]"));
        Assert.Contains(page.FindAll("[data-testid=tag-status]"), s => s.GetAttribute("data-status") == "ok");
    }

    [Fact]
    public void Before_any_scan_the_page_offers_to_start_one()
    {
        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString("arn:aws:ec2:us-east-1:123456789012:instance/i-1")));

        Assert.Contains("No scan yet", page.Find("[data-testid=empty-state]").TextContent);
    }

    private IRenderedComponent<ResourceDetail> RenderResource(string path)
    {
        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, path));
        page.WaitForElement("[data-testid=tag-table]", PageTestExtensions.Patience);
        return page;
    }
}
