using Bunit;
using FinOps.Domain.History;
using FinOps.Domain.Policy;
using FinOps.Domain.Resources;
using FinOps.Domain.Scanning;
using FinOps.Domain.State;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

/// <summary>The History section of a resource's page, over three kept scans where eu-west-1 instances get a new owner after the first.</summary>
public sealed class ResourceHistorySectionTests() : DashboardTestContext(configureServices: RetaggingRegionalSource.Register)
{
    private const string NewOwner = "team-history@example.com";

    [Fact]
    public async Task The_section_lists_the_timeline_newest_first_with_what_changed_and_the_verdict()
    {
        await StartHistoryAsync();
        var first = await ScanAndKeepAsync();
        var resource = first.Resources.First(r => r.Region == "eu-west-1" && r.Type == "ec2:instance");
        var owner = resource.Resource.Tags.FirstOrDefault(t => t.Key == "Owner").Value;
        Services.GetRequiredService<RetaggingRegionalSource>().Change = r => r.Region == "eu-west-1" && r.Type == "ec2:instance"
            ? r with { Tags = [.. r.Tags.Where(t => t.Key != "Owner"), new Tag("Owner", NewOwner)] }
            : r;
        await ScanAndKeepAsync(ScanRequest.Default with { ForceRefresh = true });
        var last = await ScanAndKeepAsync(ScanRequest.Default with { ForceRefresh = true });
        var timeline = await Services.GetRequiredService<HistoryService>().ResourceTimelineAsync(resource.Arn, cancellationToken: CancellationToken.None);

        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString(resource.Arn)));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=resource-history-entry]").Count), PageTestExtensions.Patience);
        Assert.Equal(2, timeline.Entries.Length);
        var rows = page.FindAll("[data-testid=resource-history-entry]");
        var newest = rows[0];
        Assert.Contains($"to {last.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC (2 scans)", newest.QuerySelector("[data-testid=resource-history-when]")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains($"Owner: {owner ?? "(none)"} → {NewOwner}", newest.QuerySelector("[data-testid=resource-history-changes]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{first.AsOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC", rows[1].QuerySelector("[data-testid=resource-history-when]")!.TextContent.Trim());
        Assert.Contains("First kept scan that saw it", rows[1].QuerySelector("[data-testid=resource-history-changes]")!.TextContent, StringComparison.Ordinal);

        // Each verdict is the policy's own judgement of the tags shown, and names the broken rules.
        var evaluator = new PolicyEvaluator(first.Policy);
        foreach (var (row, entry) in rows.Zip(timeline.Entries))
        {
            var (verdict, violations) = evaluator.Evaluate(entry.Resource);
            var text = row.QuerySelector("[data-testid=resource-history-verdict]")!.TextContent;
            Assert.StartsWith(!verdict.InScope ? "out of scope" : verdict.Compliant ? "compliant" : "non-compliant", text.Trim(), StringComparison.Ordinal);
            Assert.All(violations, v => Assert.Contains(v.Message, text, StringComparison.Ordinal));
        }

        Assert.Equal(NewOwner, timeline.Entries[0].Resource.Tags.Single(t => t.Key == "Owner").Value);
        Assert.Equal(resource.Violations.AsEnumerable(), timeline.Entries[1].Violations.AsEnumerable());
    }

    [Fact]
    public async Task Without_history_for_the_resource_the_section_is_hidden()
    {
        await StartHistoryAsync();
        var result = await ScanAndKeepAsync();
        var resource = result.Resources[0];
        var keptArn = result.Resources.First(r => r.Arn.Contains('/', StringComparison.Ordinal)).Arn;

        // A kept resource shows the section; the same page for an ARN history never saw shows none.
        var kept = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString(keptArn)));
        kept.WaitForAssertion(() => Assert.Single(kept.FindAll("[data-testid=resource-history-entry]")), PageTestExtensions.Patience);
        var unknown = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString(resource.Arn + "-gone")));
        unknown.WaitForElement("[data-testid=resource-not-found]", PageTestExtensions.Patience);
        var empty = await Services.GetRequiredService<HistoryService>().ResourceTimelineAsync(resource.Arn + "-gone", cancellationToken: CancellationToken.None);

        Assert.True(empty.IsEmpty);
        Assert.Empty(unknown.FindAll("[data-testid=resource-history]"));
        Assert.Empty(unknown.FindAll("[data-testid=resource-history-unavailable]"));
    }
}

/// <summary>The History section when the store cannot be reached.</summary>
public sealed class ResourceHistoryUnavailableTests() : DashboardTestContext(configureServices: services =>
    services.AddSingleton<IScanHistory>(sp => new UnreachableHistory(sp.GetRequiredService<FinOps.Store.ScanHistoryStore>().Provider)))
{
    [Fact]
    public async Task The_section_says_history_cannot_be_read_and_the_rest_of_the_page_stands()
    {
        var result = await ScanAsync();
        var resource = result.Resources[0];

        var page = Render<ResourceDetail>(p => p.Add(x => x.ArnPath, Uri.EscapeDataString(resource.Arn)));

        page.WaitForAssertion(() => Assert.Contains("History cannot be read: connection refused",
            page.Find("[data-testid=resource-history-unavailable]").TextContent, StringComparison.Ordinal), PageTestExtensions.Patience);
        Assert.Equal(resource.Type, page.Find("[data-testid=resource-type]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=resource-history]"));
    }

    /// <summary>A store whose every read fails as an unreachable database does.</summary>
    private sealed class UnreachableHistory(string provider) : IScanHistory
    {
        public string Provider => provider;

        public Task SaveAsync(ScanArchive archive, CancellationToken cancellationToken) => Down<bool>();
        public Task<AccountState?> LoadStateAsync(string? asOfScanId, CancellationToken cancellationToken) => Down<AccountState?>();
        public Task<ScanPage> ListScansAsync(int limit, string? cursor, CancellationToken cancellationToken) => Down<ScanPage>();
        public Task<StoredScan?> FindScanAsync(string scanId, CancellationToken cancellationToken) => Down<StoredScan?>();
        public Task<TaggingPolicy?> FindPolicyAsync(string policyHash, CancellationToken cancellationToken) => Down<TaggingPolicy?>();
        public Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(TrendQuery query, CancellationToken cancellationToken) => Down<IReadOnlyList<TrendPoint>>();
        public Task<IReadOnlyList<ObservationChange>> CompareAsync(string fromScanId, string toScanId, CancellationToken cancellationToken) =>
            Down<IReadOnlyList<ObservationChange>>();
        public Task<IReadOnlyList<ResourceObservation>> ReadResourceHistoryAsync(string arn, int limit, CancellationToken cancellationToken) =>
            Down<IReadOnlyList<ResourceObservation>>();
        public Task<CompactionOutcome> CompactAsync(DateTimeOffset keepSince, CancellationToken cancellationToken) => Down<CompactionOutcome>();
        public Task<StoreHealth> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(new StoreHealth(false, "SQLite", "connection refused"));

        private static Task<T> Down<T>() => Task.FromException<T>(new HistoryUnavailableException("connection refused (the test stopped the database)."));
    }
}
