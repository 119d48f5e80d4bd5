using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FinOps.Notifications;

/// <summary>Sends deliveries, at most <see cref="NotificationOptions.MaxConcurrency"/> at once, each with its retries.</summary>
public sealed class NotificationDispatcher(
    WebhookChannel webhooks,
    EmailChannel email,
    RetryingSender retries,
    IOptions<NotificationOptions> options)
{
    private readonly int _concurrency = options.Value.MaxConcurrency;

    /// <summary>One delivery with its retries. Never throws for a failed delivery (only for cancellation).</summary>
    public Task<DeliveryResult> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return retries.SendAsync(delivery, delivery.Channel == ChannelKind.Email ? email.AttemptAsync : webhooks.AttemptAsync, cancellationToken);
    }

    /// <summary>Every delivery, in parallel up to the bound; the results in the deliveries' order.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> SendAllAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var results = new DeliveryResult[deliveries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await SendAsync(deliveries[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
