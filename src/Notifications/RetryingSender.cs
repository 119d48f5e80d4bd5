using Microsoft.Extensions.Options;

namespace FinOps.Notifications;

/// <summary>
/// Tries a delivery up to <see cref="NotificationOptions.MaxAttempts"/> times: again after a transient failure (5xx, 429,
/// timeout, connection failure) with exponential back-off from <see cref="NotificationOptions.FirstRetryDelayMilliseconds"/>,
/// or after the receiver's Retry-After when it gave one, never longer than <see cref="NotificationOptions.MaxRetryDelaySeconds"/>;
/// never again after a permanent failure (4xx other than 429).
/// </summary>
public sealed class RetryingSender(IOptions<NotificationOptions> options, TimeProvider time)
{
    private readonly NotificationOptions _options = options.Value;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        var max = TimeSpan.FromSeconds(_options.MaxRetryDelaySeconds);
        var backoff = TimeSpan.FromMilliseconds(_options.FirstRetryDelayMilliseconds * Math.Pow(2, attempt - 1));
        var wait = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : backoff;
        return wait > max ? max : wait;
    }

    public async Task<DeliveryResult> SendAsync(Delivery delivery, Func<Delivery, CancellationToken, Task<AttemptOutcome>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(attempt);
        var timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        AttemptOutcome outcome = AttemptOutcome.Permanent("not attempted");
        var attempts = 0;
        while (attempts < _options.MaxAttempts)
        {
            attempts++;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                outcome = await attempt(delivery, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = AttemptOutcome.Transient($"timed out after {timeout.TotalSeconds:0} s");
            }

            if (outcome.Succeeded || !outcome.Retryable || attempts == _options.MaxAttempts)
            {
                break;
            }

            await Task.Delay(DelayAfter(attempts, outcome.RetryAfter), time, cancellationToken).ConfigureAwait(false);
        }

        return new DeliveryResult(delivery, outcome.Succeeded, attempts, outcome.Succeeded ? null : outcome.Reason);
    }
}
