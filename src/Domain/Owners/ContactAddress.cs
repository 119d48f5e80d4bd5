using System.Net.Mail;

namespace FinOps.Domain.Owners;

/// <summary>The one check of contact settings: an e-mail address, and a webhook URL (absolute https only).</summary>
public static class ContactAddress
{
    /// <summary>Whether <paramref name="text"/> is one plain e-mail address (no display name, no list).</summary>
    public static bool IsEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 254 || text.Trim() != text || text.Contains(',') || text.Contains(';'))
        {
            return false;
        }

        return MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
    }

    /// <summary>The webhook as an absolute https URL, or null when it is not one.</summary>
    public static Uri? HttpsWebhook(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)
            ? uri
            : null;
}
