using System.Text.Json.Nodes;
using Bunit;
using FinOps.Domain.Notifications;
using FinOps.Notifications;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Tests.Components.Pages;
using FinOps.Tests.Integration.Notifications;
using FinOps.Tests.Integration.Security;
using FinOps.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Components.Notifications;

/// <summary>A loopback Slack receiver for the FinOps channel, started before the test context is built.</summary>
public sealed class FinOpsChannelReceiver : IAsyncLifetime
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync() => Receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await Receiver.DisposeAsync();
}

public sealed class NotificationsPanelTests : DashboardTestContext, IClassFixture<FinOpsChannelReceiver>
{
    private static readonly CapturedLogs Logs = new();
    private readonly WebhookReceiver _receiver;

    public NotificationsPanelTests(FinOpsChannelReceiver fixture)
        : base(new Dictionary<string, string?>
        {
            ["FinOps:Notifications:FinOpsChannel:Channel"] = "slack",
            ["FinOps:Notifications:FinOpsChannel:Target"] = fixture.Receiver.Url("finops").AbsoluteUri,
            ["FinOps:Owners:Fallback:Default"] = "finops@example.com",
        }, services => services.AddSingleton<ILoggerProvider>(Logs)) => _receiver = fixture.Receiver;

    [Fact]
    public void Without_a_result_the_panel_says_so_and_still_lists_the_channels()
    {
        var panel = Render<NotificationsPanel>();

        Assert.NotNull(panel.Find("[data-testid=notifications-no-result]"));
        Assert.Equal("FinOps channel (slack)", panel.Find("[data-testid=channels] tr").GetAttribute("data-channel"));
    }

    [Fact]
    public async Task The_preview_shows_the_summary_and_each_digest_as_the_email_renders_them()
    {
        var result = await this.RunScanAsync();
        var preview = Services.GetRequiredService<DigestService>().Preview(result, DateTimeOffset.UtcNow);
        var toSend = preview.ToSend.ToList();

        var panel = Render<NotificationsPanel>();

        Assert.Equal(MessageComposer.Summary(preview.Summary).Html(), panel.Find("[data-testid=summary-preview]").GetAttribute("srcdoc"));
        var owners = panel.FindAll("[data-owner]").Select(e => e.GetAttribute("data-owner")).ToList();
        Assert.True(toSend.Count > 1, "the sample has several owners to tell");
        Assert.Equal(toSend.Take(NotificationsPanel.MaxPreviews).Select(d => d.Owner.Name), owners);
        await panel.InvokeAsync(() => panel.Find($"[data-owner='{toSend[0].Owner.Name}'] .mud-expand-panel-header").Click());
        var first = MessageComposer.Digest(toSend[0], preview.Run.ScheduleName, preview.Run.ScanId, result.AsOf).Html();
        panel.WaitForAssertion(() => Assert.Equal(first, panel.Find("[data-testid=digest-preview]").GetAttribute("srcdoc")), PageTestExtensions.Patience);
        Assert.Contains(toSend[0].Owner.Name, first, StringComparison.Ordinal);
        var plan = NotificationPlan.For(preview, Services.GetRequiredService<IOptions<NotificationOptions>>().Value, emailConfigured: false);
        string Counted(int n, string one, string many) => $"{n.ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
        Assert.Contains($"{Counted(plan.Deliveries.Length, "delivery", "deliveries")}, {Counted(plan.Skipped.Length, "message", "messages")} left out",
            panel.Find("[data-testid=notifications-plan]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_a_test_delivers_to_the_channel_shows_the_outcome_and_is_audited()
    {
        var before = _receiver.Requests.Count;
        var panel = Render<NotificationsPanel>();

        await panel.InvokeAsync(() => panel.Find("[data-testid=send-test]").Click());

        panel.WaitForAssertion(() => Assert.Equal("Delivered (1 attempt)", panel.Find("[data-testid=test-outcome]").TextContent.Trim()), PageTestExtensions.Patience);
        var request = _receiver.Requests.Skip(before).Single();
        Assert.Equal("/finops", request.Path);
        Assert.Equal("FinOps test message", JsonNode.Parse(request.Text)!["text"]!.GetValue<string>());
        Assert.Contains(Logs.Entries, e => e.EventId.Id == 7040 && e.Message == "local sent a test notification to FinOps channel (slack): Delivered (1 attempt)");
        Assert.DoesNotContain(Logs.Entries, e => e.Message.Contains(_receiver.BaseAddress.Authority, StringComparison.Ordinal));
    }
}

public sealed class NotificationsPanelViewerTests() : DashboardTestContext(new Dictionary<string, string?>
{
    ["FinOps:Auth:AnonymousRole"] = "viewer",
    ["FinOps:Notifications:FinOpsChannel:Channel"] = "teams",
    ["FinOps:Notifications:FinOpsChannel:Target"] = "https://teams.example/workflows/1",
})
{
    [Fact]
    public void A_viewer_sees_the_channels_but_no_send_button()
    {
        var panel = Render<NotificationsPanel>();

        Assert.Equal("FinOps channel (teams)", panel.Find("[data-testid=channels] tr").GetAttribute("data-channel"));
        Assert.Empty(panel.FindAll("[data-testid=send-test]"));
        Assert.Contains("Admins can send a test.", panel.Find("[data-testid=channels]").TextContent, StringComparison.Ordinal);
    }
}
