using FinOps.Domain.History;
using FinOps.Domain.Schedules;
using FinOps.Tests.E2E.Infrastructure;
using FinOps.Tests.Integration.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Schedules;

/// <summary>
/// A schedule created on /schedules runs when a test clock (the app's TimeProvider, a FakeTimeProvider) reaches its
/// occurrence: the run shows on the page with its scan, the scan is in history (list_scans, /trends), and the FinOps
/// channel's summary of the run reaches a local webhook receiver, signed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScheduledAuditTests(BrowserFixture browser) : IDisposable
{
    private const string ChannelSecret = "e2e-channel-secret-0123456789";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FinOpsAppHost? _app;
    private WebhookReceiver? _receiver;

    [Fact]
    public async Task A_schedule_created_on_the_page_runs_when_the_clock_reaches_it_and_its_scan_is_kept_in_history()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _app = FinOpsAppHost.Start(new Dictionary<string, string?>
        {
            ["FinOps:Notifications:FinOpsChannel:Channel"] = "webhook",
            ["FinOps:Notifications:FinOpsChannel:Target"] = _receiver.Url("finops").ToString(),
            ["FinOps:Notifications:FinOpsChannel:Secret"] = ChannelSecret,
            ["FinOps:Dashboard:ScanOnStartup"] = "false",
            ["FinOps:Sample:Size"] = "600",
            ["FinOps:Sample:LatencyMilliseconds"] = "0",
            ["FinOps:Sample:LatencyJitterMilliseconds"] = "0",
        }, services => services.AddSingleton<TimeProvider>(_clock));

        var page = await browser.NewPageAsync(_app.BaseUrl);
        await BrowserFixture.OpenAsync(page, "/schedules");
        await Assertions.Expect(page.GetByTestId("schedules-empty")).ToBeVisibleAsync();
        await Fill(page, "schedule-name", "e2e-hourly");
        await Fill(page, "schedule-cron", "0 * * * *");
        await Fill(page, "schedule-regions", "eu-west-1,us-east-1");
        await Fill(page, "schedule-types", "ec2:instance,s3:bucket");
        await page.GetByTestId("schedule-save").ClickAsync();

        var row = page.Locator("[data-testid=schedule-row][data-schedule=e2e-hourly]");
        await Assertions.Expect(row).ToContainTextAsync("every hour at :00");
        await Assertions.Expect(row.GetByTestId("schedule-last")).ToHaveTextAsync("not yet");

        // The runner records the next occurrence; the test clock then jumps to it.
        var service = _app.Services.GetRequiredService<ScheduleService>();
        var next = await WaitForAsync(async () => (await service.FindAsync("e2e-hourly", CancellationToken.None))?.NextRun);
        await Assertions.Expect(row.GetByTestId("schedule-next")).Not.ToHaveTextAsync("—");
        await BrowserFixture.ScreenshotAsync(page, "schedules-created");
        _clock.SetUtcNow(next);

        await Assertions.Expect(row.GetByTestId("schedule-last-status")).ToHaveTextAsync("succeeded", new() { Timeout = 60_000 });
        var state = (await service.FindAsync("e2e-hourly", CancellationToken.None))!;
        Assert.Equal(next, state.LastRun!.Occurrence);
        Assert.False(state.LastRun.CaughtUp);
        var scanId = state.LastRun.ScanId!;
        await Assertions.Expect(row.GetByTestId("schedule-scan-link")).ToHaveAttributeAsync("href", "scan/" + scanId);
        await Assertions.Expect(row.GetByTestId("schedule-next")).ToContainTextAsync(Timestamp(next.AddHours(1)));
        // The notifications panel renews its preview when the run's scan lands, without a reload.
        await Assertions.Expect(page.GetByTestId("summary-preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.FrameLocator("[data-testid=summary-preview]").GetByText("FinOps summary of").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "schedules-after-run");

        // The run's summary went to the FinOps channel (a generic webhook here) before the run was recorded as finished.
        var delivered = Assert.Single(_receiver!.Requests, r => r.Path == "/finops");
        using (var payload = System.Text.Json.JsonDocument.Parse(delivered.Body))
        {
            Assert.Equal("finops_summary", payload.RootElement.GetProperty("kind").GetString());
            Assert.Contains("e2e-hourly", payload.RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal);
            Assert.Contains(scanId, payload.RootElement.GetProperty("footer").GetString(), StringComparison.Ordinal);
        }

        // Signed with the channel's secret over the raw body; the app's clock is the test clock, up to an hour ahead.
        Assert.True(FinOps.Notifications.WebhookSignature.Verify(ChannelSecret, delivered.Headers[FinOps.Notifications.WebhookSignature.TimestampHeader],
            delivered.Headers[FinOps.Notifications.WebhookSignature.SignatureHeader], delivered.Body, _clock.GetUtcNow(), TimeSpan.FromHours(2)));
        Assert.Contains(state.LastRun.FollowUps, f => f.Observer == "notifications" && f.Delivered == 1 && f.Failures.Count == 0);

        var phone = await browser.NewPageAsync(_app.BaseUrl, BrowserFixture.Phone);
        await BrowserFixture.OpenAsync(phone, "/schedules");
        await Assertions.Expect(phone.GetByTestId("schedule-last-status")).ToHaveTextAsync("succeeded");
        await PageChecks.ScreenshotFromTopAsync(phone, "schedules-phone");
        Assert.False(await PageChecks.HasHorizontalScrollAsync(phone), "/schedules fits 390 px without horizontal scrolling");

        // The run is an ordinary scan: kept in history, listed by list_scans and charted on /trends.
        var history = _app.Services.GetRequiredService<HistoryService>();
        var kept = await WaitForAsync(async () =>
            (await history.ListScansAsync(10, null, CancellationToken.None)).Scans.Any(s => s.Record.ScanId == scanId) ? (bool?)true : null);
        Assert.True(kept);
        await BrowserFixture.OpenAsync(page, "/trends");
        await Assertions.Expect(page.GetByTestId("trend-summary")).ToContainTextAsync("1 kept scan");
        await Assertions.Expect(page.GetByTestId("score-trend-chart").Locator("svg.apexcharts-svg")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "schedules-trends");

        await BrowserFixture.OpenAsync(page, "/scan/" + scanId);
        await Assertions.Expect(page.GetByText("eu-west-1").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "schedules-scan");
    }

    public void Dispose()
    {
        _app?.Dispose();
        _receiver?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Fill(IPage page, string testId, string value)
    {
        var field = page.GetByTestId(testId);
        var input = await field.EvaluateAsync<string>("e => e.tagName") == "INPUT" ? field : field.Locator("input");
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "The app did not get there within 60 seconds.");
            await Task.Delay(200);
        }
    }
}
