using FinOps.Domain.Notifications;
using FinOps.Domain.Owners;
using FinOps.Domain.Scanning;
using FinOps.Notifications;
using FinOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace FinOps.Web.Components;

/// <summary>
/// A preview of what the notifications would send for the latest result (the FinOps summary and each owner's digest,
/// the e-mail's HTML in a sandboxed frame), and "Send a test" per configured channel for admins (audited, outcome
/// shown). Every figure comes from the Domain's digests; this component only lays them out.
/// </summary>
public sealed partial class NotificationsPanel : IDisposable
{
    /// <summary>Most digests previewed (the rest are counted).</summary>
    public const int MaxPreviews = 25;

    private RunDigests? _preview;
    private NotificationPlan? _plan;
    private string? _summaryHtml;
    private List<(string Owner, string Html)> _digests = [];
    private int _moreDigests;
    private List<TestChannel> _channels = [];
    private readonly Dictionary<string, string> _outcomes = new(StringComparer.Ordinal);
    private TestChannel? _sending;
    private IDisposable? _state;

    [Inject]
    public required ComplianceService Compliance { get; init; }

    [Inject]
    public required DigestService Digests { get; init; }

    [Inject]
    public required OwnerReportService Owners { get; init; }

    [Inject]
    public required IOptions<NotificationOptions> Options { get; init; }

    [Inject]
    public required EmailChannel Email { get; init; }

    [Inject]
    public required NotificationDispatcher Dispatcher { get; init; }

    [Inject]
    public required DashboardUser User { get; init; }

    [Inject]
    public required AuditTrail Audit { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>A channel a test can be sent to: its label (never its URL) and the delivery.</summary>
    internal sealed record TestChannel(string Label, ChannelKind Kind, string Target, string? Secret);

    protected override void OnInitialized()
    {
        _channels = Channels();
        LoadPreview();

        // A scan that finishes while the page is open (a scheduled run, a scan from another tab) renews the preview.
        _state = Compliance.SubscribeState(changed => _ = InvokeAsync(() =>
        {
            LoadPreview();
            StateHasChanged();
        }));
    }

    public void Dispose() => _state?.Dispose();

    private static string Plural(int count, string one, string many) =>
        $"{DisplayFormat.Count(count)} {(count == 1 ? one : many)}";

    private void LoadPreview()
    {
        if (Compliance.LatestResult is not { } latest)
        {
            return;
        }

        _preview = Digests.Preview(latest, Time.GetUtcNow());
        _plan = NotificationPlan.For(_preview, Options.Value, Email.IsConfigured);
        _summaryHtml = MessageComposer.Summary(_preview.Summary).Html();
        var toSend = _preview.ToSend.ToList();
        _digests = [.. toSend.Take(MaxPreviews).Select(d => (d.Owner.Name, MessageComposer.Digest(d, _preview.Run.ScheduleName, _preview.Run.ScanId, latest.AsOf).Html()))];
        _moreDigests = Math.Max(0, toSend.Count - MaxPreviews);
    }

    private List<TestChannel> Channels()
    {
        var list = new List<TestChannel>();
        var options = Options.Value;
        if (NotificationPlan.FinOpsChannel(options) is { } finops)
        {
            list.Add(new TestChannel($"FinOps channel ({finops.Channel.ToWire()})", finops.Channel, finops.Target, finops.Secret));
        }

        foreach (var team in Owners.Directory.Teams)
        {
            if (team.Contacts.Email is { } email && Email.IsConfigured)
            {
                list.Add(new TestChannel($"{team.Name} (email)", ChannelKind.Email, email, null));
            }

            if (team.Contacts.SlackWebhook is { } slack)
            {
                list.Add(new TestChannel($"{team.Name} (slack)", ChannelKind.Slack, slack.AbsoluteUri, null));
            }

            if (team.Contacts.TeamsWebhook is { } teams)
            {
                list.Add(new TestChannel($"{team.Name} (teams)", ChannelKind.Teams, teams.AbsoluteUri, null));
            }
        }

        return list;
    }

    private async Task SendTestAsync(TestChannel channel)
    {
        var user = await User.PrincipalAsync();
        if (!user.Has(FinOpsAction.EditPolicy))
        {
            Audit.Denied(user, FinOpsAction.EditPolicy, $"sending a test notification to {channel.Label}");
            _outcomes[channel.Label] = "Refused: sending a test " + FinOpsPermissions.Needs(FinOpsAction.EditPolicy, user);
            return;
        }

        _sending = channel;
        _outcomes[channel.Label] = "Sending…";
        try
        {
            var message = MessageComposer.Test(channel.Label, user.ActorOf(), Time.GetUtcNow());
            var result = await Dispatcher.SendAsync(new Delivery(channel.Kind, channel.Label, channel.Target, message, channel.Secret), CancellationToken.None);
            var outcome = result.Delivered
                ? $"Delivered ({result.Attempts} attempt{(result.Attempts == 1 ? "" : "s")})"
                : $"Failed after {result.Attempts} attempt{(result.Attempts == 1 ? "" : "s")}: {result.Reason}";
            Audit.NotificationTested(user, channel.Label, outcome);
            _outcomes[channel.Label] = outcome;
        }
        finally
        {
            _sending = null;
        }
    }
}
