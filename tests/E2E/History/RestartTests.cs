using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinOps.Domain.History;
using FinOps.Domain.Scanning;
using FinOps.Tests.E2E.Infrastructure;
using FinOps.Tests.Integration.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ModelContextProtocol.Client;

namespace FinOps.Tests.E2E.History;

/// <summary>
/// A restart on the same data folder: the second app shows the first app's last state from history before any scan,
/// and a one-region rescan then moves only that region's as-of, on the overview and in MCP alike.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RestartTests(BrowserFixture browser) : IDisposable
{
    private const string Rescanned = "eu-west-1";
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    // Shared by both apps; each app's own (unused) data folder is what it deletes on dispose, so this one outlives the first.
    private readonly string _dataPath = FinOpsAppHost.NewDataPath("e2e-restart");

    [Fact]
    public async Task After_a_restart_the_overview_shows_the_kept_state_at_once_and_a_one_region_rescan_moves_only_its_as_of()
    {
        Headline before;
        using (var first = FinOpsAppHost.Start(Settings(scanOnStartup: true)))
        {
            var scanId = await WaitUntilKeptAsync(first);
            Assert.False(string.IsNullOrEmpty(scanId));
            var page = await browser.NewPageAsync(first.BaseUrl);
            await BrowserFixture.OpenAsync(page, "/");
            await Assertions.Expect(page.GetByTestId("overall-score")).ToHaveTextAsync(Percentage());
            before = await ReadHeadlineAsync(page);
        }

        using var second = FinOpsAppHost.Start(Settings(scanOnStartup: false));
        await second.Services.GetRequiredService<HistoryRecorder>().Restored.WaitAsync(Generous);
        var compliance = second.Services.GetRequiredService<ComplianceService>();
        var restartPage = await browser.NewPageAsync(second.BaseUrl);
        await BrowserFixture.OpenAsync(restartPage, "/");
        await Assertions.Expect(restartPage.GetByTestId("overall-score")).ToHaveTextAsync(before.Score);
        Assert.Equal(before, await ReadHeadlineAsync(restartPage));
        Assert.Empty(compliance.ListJobs());
        Assert.Null(compliance.RunningJob);
        Assert.True(second.Services.GetRequiredService<HistoryRecorder>().Status.Restored);
        await BrowserFixture.ScreenshotAsync(restartPage, "overview-after-restart");

        await using var mcp = await ConnectAsync(second);
        var pageBefore = await RegionAsOfOnPageAsync(restartPage);
        var mcpBefore = await RegionAsOfInMcpAsync(mcp);
        Assert.Equal(pageBefore, mcpBefore);
        Assert.Contains(Rescanned, pageBefore.Keys);
        Assert.True(pageBefore.Count >= 2, "more than one region is measured");

        var rescannedCell = restartPage.Locator($"td[data-region='{Rescanned}']");
        var rescannedBefore = await rescannedCell.GetAttributeAsync("data-as-of");
        Assert.NotNull(rescannedBefore);
        var job = await compliance.StartScanAsync(
            new ScanRequest(ScanScope.Everything.WithRegions([Rescanned]), ForceRefresh: true), CancellationToken.None);
        await job.Completion.WaitAsync(Generous);

        // The overview follows the account state; a reload shows the same either way.
        await Assertions.Expect(rescannedCell).Not.ToHaveAttributeAsync("data-as-of", rescannedBefore, new() { Timeout = 120_000 });
        await BrowserFixture.OpenAsync(restartPage, "/");
        await Assertions.Expect(rescannedCell).Not.ToHaveAttributeAsync("data-as-of", rescannedBefore);
        var pageAfter = await RegionAsOfOnPageAsync(restartPage);
        var mcpAfter = await RegionAsOfInMcpAsync(mcp);

        Assert.Equal(pageAfter, mcpAfter);
        Assert.True(pageAfter[Rescanned] > pageBefore[Rescanned], $"{Rescanned} is newer after its rescan");
        Assert.Equal(pageBefore.Where(r => r.Key != Rescanned), pageAfter.Where(r => r.Key != Rescanned));
        await BrowserFixture.ScreenshotAsync(restartPage, "overview-after-one-region-rescan");
    }

    /// <summary>The settings of both apps: the sample account without latency, on the shared data folder.</summary>
    private Dictionary<string, string?> Settings(bool scanOnStartup) => new()
    {
        ["FinOps:DataPath"] = _dataPath,
        ["FinOps:Dashboard:ScanOnStartup"] = scanOnStartup ? "true" : "false",
        ["FinOps:Sample:Size"] = "800",
        ["FinOps:Sample:LatencyMilliseconds"] = "0",
        ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
    };

    /// <summary>Polls until history has saved the start-up scan (a loaded machine may take a while); its scan id.</summary>
    private static async Task<string?> WaitUntilKeptAsync(FinOpsAppHost app)
    {
        var recorder = app.Services.GetRequiredService<HistoryRecorder>();
        var compliance = app.Services.GetRequiredService<ComplianceService>();
        var deadline = DateTime.UtcNow + Generous;
        while (DateTime.UtcNow < deadline)
        {
            var jobs = compliance.ListJobs();
            var job = jobs.Count == 0 ? null : jobs[0];
            if (job is { IsFinished: true } && recorder.Status.LastSavedScanId is { } saved
                && job.Completion.IsCompletedSuccessfully && saved == job.Completion.Result.ScanId)
            {
                return saved;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The start-up scan was not kept in history within {Generous}: {recorder.Status}");
    }

    private static Task<McpClient> ConnectAsync(FinOpsAppHost app) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(app.BaseUrl + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }));

    private static async Task<Headline> ReadHeadlineAsync(IPage page)
    {
        var footer = page.GetByTestId("region-table").Locator("tfoot");
        await footer.Locator("td[data-col=in-scope]").WaitForAsync();
        return new Headline(
            (await page.GetByTestId("overall-score").InnerTextAsync()).Trim(),
            (await page.GetByTestId("gap").InnerTextAsync()).Trim(),
            (await page.GetByTestId("violations").InnerTextAsync()).Trim(),
            (await footer.Locator("td[data-col=in-scope]").InnerTextAsync()).Trim(),
            (await footer.Locator("td[data-col=compliant]").InnerTextAsync()).Trim(),
            (await page.GetByTestId("data-freshness").InnerTextAsync()).Trim());
    }

    /// <summary>Each measured region's as-of, as the overview's region table carries it.</summary>
    private static async Task<SortedDictionary<string, DateTimeOffset>> RegionAsOfOnPageAsync(IPage page)
    {
        var cells = await page.GetByTestId("region-table").Locator("td[data-region][data-as-of]")
            .EvaluateAllAsync<string[][]>("cells => cells.map(c => [c.dataset.region, c.dataset.asOf])");
        return new SortedDictionary<string, DateTimeOffset>(
            cells.ToDictionary(c => c[0], c => DateTimeOffset.Parse(c[1], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
    }

    /// <summary>Each measured region's as-of, as check_tag_compliance answers from the account state.</summary>
    private static async Task<SortedDictionary<string, DateTimeOffset>> RegionAsOfInMcpAsync(McpClient client)
    {
        var answer = await client.AnswerAsync("check_tag_compliance", """{"resource_types":["all"]}""");
        Assert.True(answer.GetProperty("from_cache").GetBoolean(), "answered from the kept state, not a new scan");
        var rows = answer.GetProperty("regional_breakdown").EnumerateArray()
            .Where(r => r.GetProperty("data_as_of").ValueKind == JsonValueKind.String);
        return new SortedDictionary<string, DateTimeOffset>(
            rows.ToDictionary(r => r.GetProperty("region").GetString()!, r => r.GetProperty("data_as_of").GetDateTimeOffset()),
            StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*\d{1,3}\.\d%\s*$")]
    private static partial Regex Percentage();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>What the overview's headline and region table footer say.</summary>
    private sealed record Headline(string Score, string Gap, string Violations, string InScope, string Compliant, string Freshness);
}
