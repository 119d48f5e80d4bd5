namespace FinOps.Notifications;

/// <summary>Where a message goes.</summary>
public enum ChannelKind
{
    /// <summary>A Slack incoming webhook (Block Kit JSON).</summary>
    Slack,

    /// <summary>A Microsoft Teams Workflows webhook (an Adaptive Card in an <c>attachments</c> envelope).</summary>
    Teams,

    /// <summary>Any HTTPS endpoint taking signed JSON (HMAC-SHA256 of the timestamp and the body).</summary>
    Webhook,

    /// <summary>E-mail over SMTP (HTML and text bodies).</summary>
    Email,
}

/// <summary>The wire names of channels (in settings, follow-ups and the panel).</summary>
public static class ChannelNames
{
    public static string ToWire(this ChannelKind kind) => kind switch
    {
        ChannelKind.Slack => "slack",
        ChannelKind.Teams => "teams",
        ChannelKind.Webhook => "webhook",
        _ => "email",
    };

    public static bool TryParse(string? text, out ChannelKind kind)
    {
        foreach (var k in Enum.GetValues<ChannelKind>())
        {
            if (string.Equals(text?.Trim(), k.ToWire(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
