using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FinOps.Notifications;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FinOps.Tests.Integration.Notifications;

/// <summary>The channels against real local receivers: an HTTP server and an SMTP server on 127.0.0.1.</summary>
public sealed class ChannelDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Secret = "a-test-secret-of-32-characters!!";

    private static readonly MessageContent Message = new(
        "owner_digest",
        "FinOps digest for platform",
        "Digest for platform",
        [("Score", "80.0%"), ("Gap", "$12.34")],
        "Your violations",
        ["web-1 (eu-west-1): a < b & c; $5.00 at stake"],
        "Schedule Nightly · scan s1");

    private WebhookReceiver _receiver = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _receiver.DisposeAsync();
    }

    private NotificationDispatcher Dispatcher(NotificationOptions? options = null)
    {
        var settings = Options.Create(options ?? new NotificationOptions { FirstRetryDelayMilliseconds = 10, TimeoutSeconds = 10 });
        return new NotificationDispatcher(new WebhookChannel(_http, TimeProvider.System), new EmailChannel(settings),
            new RetryingSender(settings, TimeProvider.System), settings);
    }

    [Fact]
    public async Task Slack_receives_exactly_this_block_kit_json()
    {
        var result = await Dispatcher().SendAsync(new Delivery(ChannelKind.Slack, "platform", _receiver.Url("slack/T1/B1").AbsoluteUri, Message), CancellationToken.None);

        Assert.True(result.Delivered, result.Reason);
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal("/slack/T1/B1", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        const string expected = """
            {"text":"FinOps digest for platform","blocks":[
              {"type":"header","text":{"type":"plain_text","text":"Digest for platform"}},
              {"type":"section","fields":[{"type":"mrkdwn","text":"*Score*\n80.0%"},{"type":"mrkdwn","text":"*Gap*\n$12.34"}]},
              {"type":"section","text":{"type":"mrkdwn","text":"*Your violations*\n• web-1 (eu-west-1): a &lt; b &amp; c; $5.00 at stake"}},
              {"type":"context","elements":[{"type":"mrkdwn","text":"Schedule Nightly · scan s1"}]}]}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(request.Text)), request.Text);
    }

    [Fact]
    public async Task Teams_receives_exactly_this_adaptive_card_in_the_workflows_envelope()
    {
        var result = await Dispatcher().SendAsync(new Delivery(ChannelKind.Teams, "platform", _receiver.Url("workflows/1").AbsoluteUri, Message), CancellationToken.None);

        Assert.True(result.Delivered, result.Reason);
        var request = Assert.Single(_receiver.Requests);
        const string expected = """
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{
              "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4","body":[
                {"type":"TextBlock","text":"Digest for platform","weight":"Bolder","size":"Medium","wrap":true},
                {"type":"FactSet","facts":[{"title":"Score","value":"80.0%"},{"title":"Gap","value":"$12.34"}]},
                {"type":"TextBlock","text":"Your violations","weight":"Bolder","wrap":true},
                {"type":"TextBlock","text":"- web-1 (eu-west-1): a < b & c; $5.00 at stake","wrap":true},
                {"type":"TextBlock","text":"Schedule Nightly · scan s1","isSubtle":true,"size":"Small","wrap":true}]}}]}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(request.Text)), request.Text);
    }

    [Fact]
    public async Task The_generic_webhook_is_signed_over_the_timestamp_and_the_raw_body_and_the_signature_verifies()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var result = await Dispatcher().SendAsync(new Delivery(ChannelKind.Webhook, "FinOps channel", _receiver.Url("hook").AbsoluteUri, Message, Secret), CancellationToken.None);

        Assert.True(result.Delivered, result.Reason);
        var request = Assert.Single(_receiver.Requests);
        var timestamp = request.Headers[WebhookSignature.TimestampHeader];
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        // Recomputed independently: HMAC-SHA256 of "{timestamp}.{raw body}" with the shared secret.
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(request.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)).ToLowerInvariant();
        Assert.Equal(expected, request.Headers[WebhookSignature.SignatureHeader]);
        Assert.True(WebhookSignature.Verify(Secret, timestamp, expected, request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));

        // A changed body, another secret or an old timestamp (a replay) does not verify.
        var tampered = request.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.False(WebhookSignature.Verify(Secret, timestamp, expected, tampered, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-of-some-length", timestamp, expected, request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, expected, request.Body, DateTimeOffset.UtcNow.AddMinutes(10), TimeSpan.FromMinutes(5)));

        var json = JsonNode.Parse(request.Text)!;
        Assert.Equal("owner_digest", json["kind"]!.GetValue<string>());
        Assert.Equal("FinOps channel", json["recipient"]!.GetValue<string>());
        Assert.Equal("$12.34", json["facts"]!["Gap"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_503_is_retried_and_the_second_attempt_delivers()
    {
        _receiver.Answer(503);

        var result = await Dispatcher().SendAsync(new Delivery(ChannelKind.Slack, "platform", _receiver.Url("retry").AbsoluteUri, Message), CancellationToken.None);

        Assert.True(result.Delivered, result.Reason);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _receiver.Requests.Count);
        Assert.Equal(_receiver.Requests.First().Body, _receiver.Requests.Last().Body);
    }

    [Fact]
    public async Task A_429_waits_for_its_retry_after_and_a_4xx_is_never_retried()
    {
        _receiver.Answer(429, retryAfter: "1");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var throttled = await Dispatcher().SendAsync(new Delivery(ChannelKind.Teams, "platform", _receiver.Url("busy").AbsoluteUri, Message), CancellationToken.None);
        watch.Stop();
        Assert.True(throttled.Delivered, throttled.Reason);
        Assert.Equal(2, throttled.Attempts);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {watch.Elapsed}");

        _receiver.Answer(400);
        var refused = await Dispatcher().SendAsync(new Delivery(ChannelKind.Slack, "platform", _receiver.Url("refused/secret-path").AbsoluteUri, Message), CancellationToken.None);
        Assert.False(refused.Delivered);
        Assert.Equal(1, refused.Attempts);
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.StartsWith("HTTP 400", refused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempts_are_bounded_when_the_receiver_keeps_failing()
    {
        for (var i = 0; i < 5; i++)
        {
            _receiver.Answer(500);
        }

        var result = await Dispatcher(new NotificationOptions { MaxAttempts = 3, FirstRetryDelayMilliseconds = 10 })
            .SendAsync(new Delivery(ChannelKind.Slack, "platform", _receiver.Url("down").AbsoluteUri, Message), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _receiver.Requests.Count);
        Assert.StartsWith("HTTP 500", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_goes_over_smtp_as_multipart_alternative_with_the_text_and_html_bodies()
    {
        await using var smtp = new SmtpReceiver();
        var options = new NotificationOptions
        {
            FirstRetryDelayMilliseconds = 10,
            TimeoutSeconds = 20,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "finops@example.com", UseTls = false },
        };

        var result = await Dispatcher(options).SendAsync(new Delivery(ChannelKind.Email, "platform", "platform@example.com", Message), CancellationToken.None);

        Assert.True(result.Delivered, result.Reason);
        var (from, to, mime) = Assert.Single(smtp.Messages);
        Assert.Equal("finops@example.com", from);
        Assert.Equal(["platform@example.com"], to);
        Assert.Equal("FinOps digest for platform", mime.Subject);
        Assert.Equal("finops@example.com", mime.From.Mailboxes.Single().Address);
        Assert.Equal("platform@example.com", mime.To.Mailboxes.Single().Address);
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.OfType<TextPart>().Select(p => p.ContentType.MimeType));
        Assert.Equal(Message.Text().ReplaceLineEndings("\n"), mime.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal(Message.Html(), mime.HtmlBody);
        Assert.Contains("a &lt; b &amp; c", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("- web-1 (eu-west-1): a < b & c; $5.00 at stake", mime.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_recipient_is_a_permanent_failure_and_no_server_is_a_bounded_transient_one()
    {
        await using var smtp = new SmtpReceiver();
        smtp.Refuse["gone@example.com"] = true;
        var options = new NotificationOptions
        {
            FirstRetryDelayMilliseconds = 10,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "finops@example.com", UseTls = false },
        };

        var refused = await Dispatcher(options).SendAsync(new Delivery(ChannelKind.Email, "gone", "gone@example.com", Message), CancellationToken.None);
        Assert.False(refused.Delivered);
        Assert.Equal(1, refused.Attempts);
        Assert.Equal("SMTP 550 (recipient refused)", refused.Reason);
        Assert.Empty(smtp.Messages);

        var closedPort = smtp.Port;
        await smtp.DisposeAsync();
        options.MaxAttempts = 2;
        var unreachable = await Dispatcher(options).SendAsync(new Delivery(ChannelKind.Email, "x", "x@example.com", Message), CancellationToken.None)
            .WaitAsync(Patience);
        Assert.False(unreachable.Delivered);
        Assert.Equal(2, unreachable.Attempts);
        Assert.Equal("the SMTP connection failed", unreachable.Reason);
        Assert.True(closedPort > 0);
    }
}
