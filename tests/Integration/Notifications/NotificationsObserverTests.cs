using FinOps.Domain.Notifications;
using FinOps.Domain.Schedules;
using FinOps.Domain.Scanning;
using FinOps.Notifications;
using FinOps.Tests.Integration.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Integration.Notifications;

/// <summary>The observer in the real app, sending to a loopback HTTP receiver (the FinOps channel) and a loopback SMTP server (owners).</summary>
public sealed class NotificationsObserverTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private SmtpReceiver _smtp = null!;
    private ExportApiHost _host = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _smtp = new SmtpReceiver();
        _host = new ExportApiHost(settings: new Dictionary<string, string>
        {
            ["FinOps:Notifications:FinOpsChannel:Channel"] = "slack",
            ["FinOps:Notifications:FinOpsChannel:Target"] = _receiver.Url("finops/secret-path").AbsoluteUri,
            ["FinOps:Notifications:Smtp:Host"] = "127.0.0.1",
            ["FinOps:Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FinOps:Notifications:Smtp:From"] = "finops@example.com",
            ["FinOps:Notifications:Smtp:UseTls"] = "false",
            ["FinOps:Notifications:FirstRetryDelayMilliseconds"] = "10",
            ["FinOps:Notifications:MaxAttempts"] = "2",
            ["FinOps:Owners:Fallback:Default"] = "finops-fallback@example.com",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<(ScheduledRun Run, NotificationPlan Plan, IScheduledRunObserver Observer)> PrepareAsync()
    {
        var result = await _host.ScanAsync();
        var run = new ScheduledRun("nightly", "Nightly", result.AsOf, false, ScanScope.Everything, result.ScanId, null, result);
        var digests = await _host.Services.GetRequiredService<DigestService>().BuildAsync(run, CancellationToken.None);
        var plan = NotificationPlan.For(digests, _host.Services.GetRequiredService<IOptions<NotificationOptions>>().Value, emailConfigured: true);
        var observer = Assert.Single(_host.Services.GetServices<IScheduledRunObserver>().OfType<NotificationsObserver>());
        return (run, plan, observer);
    }

    [Fact]
    public async Task After_a_run_every_owner_with_violations_gets_an_email_and_the_finops_channel_its_summary()
    {
        var (run, plan, observer) = await PrepareAsync();

        var followUp = await observer.AfterRunAsync(run, CancellationToken.None);

        Assert.Empty(followUp.Failures);
        Assert.Equal(NotificationsObserver.Name, followUp.Observer);
        var emails = plan.Deliveries.Where(d => d.Channel == ChannelKind.Email).ToList();
        Assert.True(emails.Count > 1, "the sample has several owners with e-mail addresses");
        Assert.Equal(plan.Deliveries.Length, followUp.Delivered);
        Assert.Equal(plan.Skipped.Length, followUp.Skipped);
        Assert.Equal(emails.Select(d => d.Target).Order(StringComparer.Ordinal), _smtp.Messages.SelectMany(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(_smtp.Messages, m => Assert.StartsWith("FinOps digest for ", m.Message.Subject, StringComparison.Ordinal));
        var summary = Assert.Single(_receiver.Requests);
        Assert.Contains("FinOps summary of Nightly", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_deliveries_are_reported_by_recipient_without_urls_and_never_thrown()
    {
        var (run, plan, observer) = await PrepareAsync();
        var refused = plan.Deliveries.First(d => d.Channel == ChannelKind.Email);
        _smtp.Refuse[refused.Target] = true;
        _receiver.Answer(400);

        var followUp = await observer.AfterRunAsync(run, CancellationToken.None);

        Assert.Equal(plan.Deliveries.Length - 2, followUp.Delivered);
        Assert.Contains(new DeliveryFailure("slack", NotificationPlan.FinOpsRecipient, "HTTP 400 Bad Request", 1), followUp.Failures);
        Assert.Contains(new DeliveryFailure("email", refused.Recipient, "SMTP 550 (recipient refused)", 1), followUp.Failures);
        Assert.All(followUp.Failures, f => Assert.DoesNotContain("secret-path", f.Reason + f.Recipient, StringComparison.Ordinal));
        Assert.All(followUp.Failures, f => Assert.DoesNotContain("127.0.0.1", f.Reason + f.Recipient, StringComparison.Ordinal));

        // With no SMTP server at all, every e-mail fails after its bounded attempts and nothing is thrown.
        await _smtp.DisposeAsync();
        var unreachable = await observer.AfterRunAsync(run, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(plan.Deliveries.Count(d => d.Channel == ChannelKind.Email), unreachable.Failures.Count(f => f.Channel == "email" && f.Attempts == 2));
    }

    [Theory]
    [InlineData("FinOps:Notifications:FinOpsChannel:Channel", "pager", "FinOps:Notifications:FinOpsChannel:Channel 'pager' is not a channel")]
    [InlineData("FinOps:Notifications:MaxConcurrency", "0", "FinOps:Notifications:MaxConcurrency must be between 1 and 64")]
    [InlineData("FinOps:Notifications:Rules:MinimumSpendUsd", "-1", "FinOps:Notifications:Rules:MinimumSpendUsd must be between")]
    public void Bad_notification_settings_fail_start_up_naming_the_setting(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddLogging().AddFinOpsNotifications(configuration);
        FinOps.Domain.Owners.OwnersServiceCollectionExtensions.AddFinOpsOwners(services, configuration);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<NotificationOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<NotificationRulesOptions>>().Value;
        });
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_webhook_outside_loopback_and_a_short_secret_are_refused_without_repeating_them()
    {
        var options = new NotificationOptions { FinOpsChannel = new FinOpsChannelOptions { Channel = "webhook", Target = "http://hooks.example.com/x", Secret = "short" } };

        var result = new NotificationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("FinOps:Notifications:FinOpsChannel:Target is not an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("FinOps:Notifications:FinOpsChannel:Secret must be at least 16 characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hooks.example.com", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short", result.FailureMessage.Replace("at least", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
