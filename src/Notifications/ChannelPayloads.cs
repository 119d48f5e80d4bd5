using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FinOps.Notifications;

/// <summary>
/// The JSON each webhook channel expects for a message: Slack Block Kit, a Teams Workflows Adaptive Card, and the
/// generic webhook's own document.
/// </summary>
public static class ChannelPayloads
{
    /// <summary>Slack's limits: a header's text, a section's text, fields per section.</summary>
    private const int SlackHeaderMax = 150, SlackTextMax = 3000, SlackFieldsMax = 10;

    /// <summary>A Slack incoming webhook body: a header, the facts as fields, the lines, the footer as context.</summary>
    public static string Slack(MessageContent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(message.Title, SlackHeaderMax) },
            },
        };
        var fields = new JsonArray();
        foreach (var (name, value) in message.Facts.Take(SlackFieldsMax))
        {
            fields.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{SlackEscape(name)}*\n{SlackEscape(value)}" });
        }

        if (fields.Count > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        if (!message.Lines.IsEmpty)
        {
            var heading = message.LinesHeading is null ? "" : $"*{SlackEscape(message.LinesHeading)}*\n";
            var text = heading + string.Join("\n", message.Lines.Select(l => "• " + SlackEscape(l)));
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(text, SlackTextMax) } });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackEscape(message.Footer) } },
        });
        return new JsonObject { ["text"] = message.Subject, ["blocks"] = blocks }.ToJsonString();
    }

    /// <summary>A Teams Workflows body: a message whose one attachment is an Adaptive Card (title, fact set, lines, footer).</summary>
    public static string Teams(MessageContent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = message.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
        };
        if (!message.Facts.IsEmpty)
        {
            var facts = new JsonArray();
            foreach (var (name, value) in message.Facts)
            {
                facts.Add(new JsonObject { ["title"] = name, ["value"] = value });
            }

            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        if (message.LinesHeading is not null && !message.Lines.IsEmpty)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = message.LinesHeading, ["weight"] = "Bolder", ["wrap"] = true });
        }

        if (!message.Lines.IsEmpty)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join("\n", message.Lines.Select(l => "- " + l)), ["wrap"] = true });
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = message.Footer, ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        }.ToJsonString();
    }

    /// <summary>The generic webhook's document.</summary>
    public static string Webhook(MessageContent message, string recipient, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var facts = new JsonObject();
        foreach (var (name, value) in message.Facts)
        {
            facts[name] = value;
        }

        return new JsonObject
        {
            ["kind"] = message.Kind,
            ["recipient"] = recipient,
            ["subject"] = message.Subject,
            ["facts"] = facts,
            ["lines_heading"] = message.LinesHeading,
            ["lines"] = new JsonArray([.. message.Lines.Select(l => (JsonNode?)JsonValue.Create(l))]),
            ["footer"] = message.Footer,
            ["sent_at"] = sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString();
    }

    /// <summary>Slack's mrkdwn escapes: &amp;, &lt; and &gt;.</summary>
    private static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>
/// The generic webhook's signature: <c>X-FinOps-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 (keyed by the shared
/// secret) of <c>{timestamp}.{raw body}</c>, where the timestamp is <c>X-FinOps-Timestamp</c> (Unix seconds). A receiver
/// recomputes it over the raw bytes, compares in constant time and refuses old timestamps (replays).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-FinOps-Signature";
    public const string TimestampHeader = "X-FinOps-Timestamp";

    /// <summary>The header value for a body sent at a time.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether a signature is right for the body and the timestamp is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || signatureHeader is null)
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
