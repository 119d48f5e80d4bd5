using System.Text;
using Bunit;
using FinOps.Domain.History;
using FinOps.Domain.Reports;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>The drift page over an account whose eu-west-1 instances get a new owner between two scans.</summary>
public sealed class DriftPageTests() : DashboardTestContext(configureServices: RetaggingRegionalSource.Register)
{
    private const string NewOwner = "=HYPERLINK(\"http://example.invalid\")";

    [Fact]
    public async Task By_default_the_latest_scan_is_compared_with_the_one_before_tag_changes_shown_before_and_after()
    {
        var (first, second) = await TwoScansAsync();
        var report = await Services.GetRequiredService<HistoryService>().DriftAsync(DriftQuery.Latest, CancellationToken.None);
        Assert.True(report.Changed > 0);

        var page = Render<Drift>();

        page.WaitForAssertion(() => Assert.Equal(Math.Min(report.Resources.Length, 500), page.FindAll("[data-testid=drift-row]").Count), PageTestExtensions.Patience);
        Assert.Contains(first.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), page.Find("[data-testid=drift-between]").TextContent, StringComparison.Ordinal);
        Assert.Contains(second.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), page.Find("[data-testid=drift-between]").TextContent, StringComparison.Ordinal);
        var firstRow = report.Resources[0];
        var tag = firstRow.Tags.Single(t => t.Key == "Owner");
        Assert.Contains($"Owner: {tag.Before ?? "(none)"} → {NewOwner}", page.FindAll("[data-testid=drift-tag-changes]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"{report.Changed} changed", page.Find("[data-testid=drift-resources-caption]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_in_the_url_narrow_the_rows_and_the_csv_link_carries_them()
    {
        await TwoScansAsync();
        Navigation.NavigateTo("/drift?regions=eu-west-1&kind=added");

        var page = Render<Drift>();

        page.WaitForAssertion(() => page.Find("[data-testid=drift-empty]"), PageTestExtensions.Patience);
        Navigation.NavigateTo("/drift?regions=us-east-1&kind=changed");
        page.WaitForAssertion(() => page.Find("[data-testid=drift-empty]"), PageTestExtensions.Patience);
        Navigation.NavigateTo("/drift?regions=eu-west-1&kind=changed&type=ec2:instance&tag=Owner");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=drift-row]")), PageTestExtensions.Patience);
        Assert.All(page.FindAll("[data-testid=drift-row]"), r => Assert.Contains("eu-west-1", r.TextContent, StringComparison.Ordinal));
        Assert.Equal("api/drift.csv?regions=eu-west-1&type=ec2%3Ainstance&tag=Owner&kind=changed",
            page.Find("[data-testid=drift-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task An_invalid_region_filter_is_refused_with_the_scope_error()
    {
        await TwoScansAsync();
        Navigation.NavigateTo("/drift?regions=not-a-region!");

        var page = Render<Drift>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.Find("[data-testid=scope-error]").TextContent.Trim()), PageTestExtensions.Patience);
        Assert.Empty(page.FindAll("[data-testid=drift-row]"));
    }

    [Fact]
    public async Task With_one_kept_scan_the_page_says_there_is_nothing_to_compare_with()
    {
        await StartHistoryAsync();
        await ScanAndKeepAsync();

        var page = Render<Drift>();

        page.WaitForAssertion(() => Assert.Contains("nothing before it", page.Find("[data-testid=drift-unavailable]").TextContent, StringComparison.Ordinal),
            PageTestExtensions.Patience);
    }

    [Fact]
    public async Task The_csv_has_a_row_per_changed_resource_with_text_a_spreadsheet_would_run_neutralised()
    {
        await TwoScansAsync();
        var report = await Services.GetRequiredService<HistoryService>().DriftAsync(DriftQuery.Latest, CancellationToken.None);

        using var stream = new MemoryStream();
        await DriftCsvWriter.WriteAsync(report, stream, CancellationToken.None);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', DriftCsvWriter.Header), lines[0]);
        Assert.Equal(report.Resources.Length, lines.Length - 1);
        Assert.StartsWith("changed,eu-west-1,ec2:instance," + report.Resources[0].Arn, lines[1], StringComparison.Ordinal);
        // The new owner value would be a formula: it only ever appears after the apostrophe.
        Assert.Contains("→ =HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1).SelectMany(l => l.Split(',')), cell => cell.TrimStart('"').StartsWith('='));
    }

    /// <summary>Two kept scans of every region; between them every eu-west-1 instance gets a new owner.</summary>
    private async Task<(ComplianceResult First, ComplianceResult Second)> TwoScansAsync()
    {
        await StartHistoryAsync();
        var first = await ScanAndKeepAsync();
        Services.GetRequiredService<RetaggingRegionalSource>().Change = r => r.Region == "eu-west-1" && r.Type == "ec2:instance"
            ? r with { Tags = [.. r.Tags.Where(t => t.Key != "Owner"), new Tag("Owner", NewOwner)] }
            : r;
        var second = await ScanAndKeepAsync(ScanRequest.Default with { ForceRefresh = true });
        return (first, second);
    }
}
