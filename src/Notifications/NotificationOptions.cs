namespace FinOps.Notifications;

/// <summary>
/// Delivery settings, bound from <c>FinOps:Notifications</c> and checked at start-up by
/// <see cref="NotificationOptionsValidator"/> (the rules, <c>FinOps:Notifications:Rules</c>, belong to the Domain).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "FinOps:Notifications";

    /// <summary>How many deliveries run at once.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Attempts per delivery (the first included) on 5xx, 429, timeouts and connection failures.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; doubled after each (a Retry-After header wins, up to <see cref="MaxRetryDelaySeconds"/>).</summary>
    public int FirstRetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>The longest wait between two attempts.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>Time allowed for one attempt.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>The base address of the dashboard, for links in messages (optional).</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>Where the FinOps summary goes.</summary>
    public FinOpsChannelOptions FinOpsChannel { get; set; } = new();

    /// <summary>The SMTP server for e-mail.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The FinOps channel: <c>FinOps:Notifications:FinOpsChannel:Channel|Target|Secret</c>.</summary>
public sealed class FinOpsChannelOptions
{
    /// <summary>slack, teams, webhook or email; empty: no FinOps summary is sent.</summary>
    public string? Channel { get; set; }

    /// <summary>The webhook URL (https) or the e-mail address.</summary>
    public string? Target { get; set; }

    /// <summary>The signing secret of a generic webhook (at least 16 characters).</summary>
    public string? Secret { get; set; }
}

/// <summary>The SMTP server: <c>FinOps:Notifications:Smtp:Host|Port|From|UserName|Password|UseTls</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name; empty: no e-mail is sent.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender address.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS (or TLS on port 465) required; false only for a relay on a trusted network.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Whether e-mail can be sent.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
