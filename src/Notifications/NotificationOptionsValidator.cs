using FinOps.Domain.Owners;
using Microsoft.Extensions.Options;

namespace FinOps.Notifications;

/// <summary>Fails start-up on a bad notification setting, naming it and what it accepts; never repeats a secret.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    private const string Prefix = NotificationOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Range(errors, "MaxConcurrency", options.MaxConcurrency, 1, 64);
        Range(errors, "MaxAttempts", options.MaxAttempts, 1, 10);
        Range(errors, "FirstRetryDelayMilliseconds", options.FirstRetryDelayMilliseconds, 1, 60_000);
        Range(errors, "MaxRetryDelaySeconds", options.MaxRetryDelaySeconds, 1, 3600);
        Range(errors, "TimeoutSeconds", options.TimeoutSeconds, 1, 300);
        if (!string.IsNullOrWhiteSpace(options.DashboardUrl)
            && (!Uri.TryCreate(options.DashboardUrl, UriKind.Absolute, out var dashboard) || (dashboard.Scheme != Uri.UriSchemeHttps && dashboard.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"{Prefix}DashboardUrl '{options.DashboardUrl}' is not an absolute http(s) URL.");
        }

        var channel = options.FinOpsChannel;
        if (!string.IsNullOrWhiteSpace(channel.Channel))
        {
            if (!ChannelNames.TryParse(channel.Channel, out var kind))
            {
                errors.Add($"{Prefix}FinOpsChannel:Channel '{channel.Channel}' is not a channel; accepted: slack, teams, webhook, email (empty: no summary).");
            }
            else if (kind == ChannelKind.Email)
            {
                if (!ContactAddress.IsEmail(channel.Target))
                {
                    errors.Add($"{Prefix}FinOpsChannel:Target is not an e-mail address such as 'finops@example.com'.");
                }

                if (!options.Smtp.IsConfigured)
                {
                    errors.Add($"{Prefix}FinOpsChannel:Channel is email but {Prefix}Smtp:Host is empty; configure the SMTP server.");
                }
            }
            else if (WebhookTarget(channel.Target) is null)
            {
                errors.Add($"{Prefix}FinOpsChannel:Target is not an absolute https URL (http is accepted only for 127.0.0.1 or localhost).");
            }

            if (kind == ChannelKind.Webhook && (channel.Secret?.Length ?? 0) < 16)
            {
                errors.Add($"{Prefix}FinOpsChannel:Secret must be at least 16 characters for a signed webhook.");
            }
        }

        var smtp = options.Smtp;
        if (smtp.IsConfigured)
        {
            Range(errors, "Smtp:Port", smtp.Port, 1, 65535);
            if (!ContactAddress.IsEmail(smtp.From))
            {
                errors.Add($"{Prefix}Smtp:From is not an e-mail address such as 'finops@example.com'.");
            }

            if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add($"{Prefix}Smtp:UserName and {Prefix}Smtp:Password go together: set both or neither.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>A webhook target: https, or http on the loopback interface (local receivers and tests).</summary>
    public static Uri? WebhookTarget(string? text)
    {
        if (ContactAddress.HttpsWebhook(text) is { } https)
        {
            return https;
        }

        return Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback ? uri : null;
    }

    private static void Range(List<string> errors, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Prefix}{setting} must be between {min} and {max}.");
        }
    }
}
