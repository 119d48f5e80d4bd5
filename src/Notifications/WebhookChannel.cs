using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FinOps.Notifications;

/// <summary>
/// Posts Slack, Teams and generic webhook messages. 2xx is delivered; 5xx, 429 and connection failures are transient
/// (a Retry-After header is honoured); any other status is permanent. Failure reasons never include the URL.
/// </summary>
public sealed class WebhookChannel(HttpClient http, TimeProvider time)
{
    /// <summary>The body a delivery posts (exactly these bytes are signed for a generic webhook).</summary>
    public string Body(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery.Channel switch
        {
            ChannelKind.Slack => ChannelPayloads.Slack(delivery.Message),
            ChannelKind.Teams => ChannelPayloads.Teams(delivery.Message),
            ChannelKind.Webhook => ChannelPayloads.Webhook(delivery.Message, delivery.Recipient, time.GetUtcNow()),
            _ => throw new ArgumentException("Not a webhook channel.", nameof(delivery)),
        };
    }

    /// <summary>One attempt.</summary>
    public async Task<AttemptOutcome> AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var bytes = Encoding.UTF8.GetBytes(Body(delivery));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(delivery.Target, UriKind.Absolute));
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (delivery.Channel == ChannelKind.Webhook)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret ?? "", timestamp, bytes));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return AttemptOutcome.Transient(ex.HttpRequestError == HttpRequestError.NameResolutionError ? "the host name does not resolve" : "the connection failed");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return AttemptOutcome.Success;
            }

            var reason = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            return status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                ? AttemptOutcome.Transient(reason, RetryAfter(response.Headers.RetryAfter))
                : AttemptOutcome.Permanent(reason);
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
