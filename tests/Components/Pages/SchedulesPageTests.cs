using AngleSharp.Dom;
using Bunit;
using FinOps.Domain.Schedules;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class SchedulesPageTests : DashboardTestContext
{
    private IScheduleStore Store => Services.GetRequiredService<IScheduleStore>();

    [Fact]
    public async Task A_schedule_created_on_the_page_is_listed_with_its_cron_in_words_and_the_notifications_slot_stays_at_the_bottom()
    {
        PageTestExtensions.RenderPopoverHost(this);
        var page = RenderSchedules();
        page.WaitForElement("[data-testid=schedules-empty]", PageTestExtensions.Patience);

        await FillAsync(page, "schedule-name", "nightly-eu");
        await FillAsync(page, "schedule-cron", "30 6 * * 1-5");
        await FillAsync(page, "schedule-zone", "Europe/London");
        await FillAsync(page, "schedule-regions", "eu-west-1, eu-west-2");
        await page.InvokeAsync(() => page.Find("[data-testid=schedule-save]").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=schedule-row]")), PageTestExtensions.Patience);
        var row = page.Find("[data-testid=schedule-row]");
        Assert.Equal("nightly-eu", row.GetAttribute("data-schedule"));
        Assert.Contains("on weekdays at 06:30", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Europe/London", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("eu-west-1, eu-west-2", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("not yet", row.QuerySelector("[data-testid=schedule-last]")!.TextContent.Trim());
        var stored = Assert.Single(await Store.ListAsync(CancellationToken.None));
        Assert.Equal("30 6 * * 1-5", stored.Schedule.Cron.Expression);

        // The notifications panel (previews and "Send a test") is the page's last element.
        var slot = page.Find("[data-testid=schedules-notifications-slot]");
        Assert.Null(slot.NextElementSibling);
        Assert.NotNull(slot.QuerySelector("[data-testid=notifications-panel]"));
    }

    [Fact]
    public async Task A_bad_cron_is_refused_on_the_form_saying_what_is_accepted_and_nothing_is_saved()
    {
        PageTestExtensions.RenderPopoverHost(this);
        var page = RenderSchedules();
        await FillAsync(page, "schedule-name", "broken");
        await FillAsync(page, "schedule-cron", "every day");
        await page.InvokeAsync(() => page.Find("[data-testid=schedule-save]").Click());

        page.WaitForAssertion(() => Assert.Contains("five fields", page.Find("[data-testid=schedule-form-error]").TextContent, StringComparison.Ordinal),
            PageTestExtensions.Patience);
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_last_run_shows_its_outcome_scan_link_catch_up_and_failed_deliveries_and_delete_removes_the_schedule()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        await Store.SaveAsync(Schedule.Create("hourly", "0 * * * *", null, null, ["ec2:instance"]), start, CancellationToken.None);
        var occurrence = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero).AddHours(2);
        var claim = new ScheduleRunRecord("hourly", occurrence, ScheduleRunStatus.Running, true, false, "test", occurrence, null, null,
            "Caught up: 1 earlier occurrence was missed while the product was down; only the latest ran, once.", []);
        Assert.True(await Store.TryClaimAsync(claim, occurrence.AddHours(-2), occurrence.AddHours(1), CancellationToken.None));
        await Store.CompleteAsync(claim with
        {
            Status = ScheduleRunStatus.Partial,
            FinishedAt = occurrence.AddMinutes(1),
            ScanId = "scan-0042",
            FollowUps = [new RunFollowUp("notifications", 2, 0, [new DeliveryFailure("slack", "#platform", "the webhook answered 500", 3)])],
        }, CancellationToken.None);

        PageTestExtensions.RenderPopoverHost(this);
        var page = RenderSchedules();
        page.WaitForElement("[data-testid=schedule-row]", PageTestExtensions.Patience);
        var last = page.Find("[data-testid=schedule-last]");
        Assert.Equal("partial", last.QuerySelector("[data-testid=schedule-last-status]")!.TextContent.Trim());
        Assert.Contains("caught up", last.TextContent, StringComparison.Ordinal);
        Assert.Equal("scan/scan-0042", last.QuerySelector("[data-testid=schedule-scan-link]")!.GetAttribute("href"));
        Assert.Contains("slack to #platform: the webhook answered 500 (3 attempts)", page.Find("[data-testid=schedule-failures]").TextContent,
            StringComparison.Ordinal);
        Assert.Contains("every hour at :00", page.Find("[data-testid=schedule-row]").TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-testid=schedule-delete]").Click());
        page.WaitForElement("[data-testid=schedules-empty]", PageTestExtensions.Patience);
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }

    private IRenderedComponent<Schedules> RenderSchedules()
    {
        var page = Render<Schedules>();
        page.WaitForElement("[data-testid=schedule-form]", PageTestExtensions.Patience);
        return page;
    }

    private static async Task FillAsync(IRenderedComponent<Schedules> page, string testId, string value)
    {
        await page.InvokeAsync(() =>
        {
            var element = page.Find($"[data-testid={testId}]");
            var input = element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
            input.Change(value);
        });
    }
}

/// <summary>The page for someone who may not change schedules (sign-in configured, no identity in the circuit: nobody).</summary>
public sealed class SchedulesPageReadOnlyTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["FinOps:Auth:Oidc:Authority"] = "https://login.example.com",
    ["FinOps:Auth:Oidc:ClientId"] = "finops",
    ["FinOps:Auth:Mcp:Audience"] = "https://finops.example.com/mcp",
})
{
    [Fact]
    public async Task Without_the_schedule_permission_the_list_shows_and_the_form_and_actions_do_not()
    {
        await Services.GetRequiredService<IScheduleStore>().SaveAsync(Schedule.Create("weekly", "0 6 * * 1", null, null, null),
            DateTimeOffset.UtcNow, CancellationToken.None);
        PageTestExtensions.RenderPopoverHost(this);

        var page = Render<Schedules>();

        page.WaitForElement("[data-testid=schedule-row]", PageTestExtensions.Patience);
        Assert.Contains("every Monday at 06:00", page.Find("[data-testid=schedule-row]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=schedule-form]"));
        Assert.Empty(page.FindAll("[data-testid=schedule-delete]"));
        Assert.Empty(page.FindAll("[data-testid=schedule-run-now]"));
    }
}
