namespace FinOps.Notifications;

/// <summary>One message to one recipient over one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Recipient">Who it is for, as people read it (an owner, a team, "FinOps channel"): never the target.</param>
/// <param name="Target">The webhook URL or e-mail address (a secret for webhooks: never shown).</param>
/// <param name="Message">What to say.</param>
/// <param name="Secret">The generic webhook's signing secret.</param>
public sealed record Delivery(ChannelKind Channel, string Recipient, string Target, MessageContent Message, string? Secret = null)
{
    /// <summary>Never prints the target or the secret.</summary>
    public override string ToString() => $"{Channel.ToWire()} to {Recipient}";
}

/// <summary>How a delivery went.</summary>
/// <param name="Delivery">The delivery.</param>
/// <param name="Delivered">Whether the receiver accepted it.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Reason">Why it failed, in words (never a URL or a secret); null when delivered.</param>
public sealed record DeliveryResult(Delivery Delivery, bool Delivered, int Attempts, string? Reason);

/// <summary>What one attempt came to.</summary>
/// <param name="Succeeded">Accepted.</param>
/// <param name="Retryable">Worth another attempt (5xx, 429, timeout, connection failure).</param>
/// <param name="RetryAfter">How long the receiver asked to wait, when it did.</param>
/// <param name="Reason">Why it failed, in words.</param>
public sealed record AttemptOutcome(bool Succeeded, bool Retryable, TimeSpan? RetryAfter, string? Reason)
{
    public static AttemptOutcome Success { get; } = new(true, false, null, null);

    public static AttemptOutcome Transient(string reason, TimeSpan? retryAfter = null) => new(false, true, retryAfter, reason);

    public static AttemptOutcome Permanent(string reason) => new(false, false, null, reason);
}
