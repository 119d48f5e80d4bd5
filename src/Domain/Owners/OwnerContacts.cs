namespace FinOps.Domain.Owners;

/// <summary>How an owner is reached. Webhook URLs are secrets: they are never shown, exported or logged.</summary>
/// <param name="Email">An e-mail address, when known.</param>
/// <param name="SlackWebhook">A Slack incoming webhook (https), when configured.</param>
/// <param name="TeamsWebhook">A Microsoft Teams Workflows webhook (https), when configured.</param>
public sealed record OwnerContacts(string? Email, Uri? SlackWebhook, Uri? TeamsWebhook)
{
    public static OwnerContacts None { get; } = new(null, null, null);

    /// <summary>Whether the owner can be reached at all.</summary>
    public bool Any => Email is not null || SlackWebhook is not null || TeamsWebhook is not null;
}
