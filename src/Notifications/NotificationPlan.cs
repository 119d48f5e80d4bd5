using System.Collections.Immutable;
using FinOps.Domain.Notifications;
using FinOps.Domain.Owners;

namespace FinOps.Notifications;

/// <summary>
/// What a run's messages come to: the deliveries to make (each digest to each of its owner's contacts, the summary to
/// the FinOps channel) and how many messages the rules or missing contacts left out, with why.
/// </summary>
/// <param name="Deliveries">The deliveries to make.</param>
/// <param name="Skipped">Messages left out, with the recipient and why.</param>
public sealed record NotificationPlan(ImmutableArray<Delivery> Deliveries, ImmutableArray<(string Recipient, string Reason)> Skipped)
{
    /// <summary>The FinOps channel's recipient name.</summary>
    public const string FinOpsRecipient = "FinOps channel";

    public static NotificationPlan For(RunDigests digests, NotificationOptions options, bool emailConfigured)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(options);
        var deliveries = ImmutableArray.CreateBuilder<Delivery>();
        var skipped = ImmutableArray.CreateBuilder<(string, string)>();
        var run = digests.Run;
        foreach (var digest in digests.Owners)
        {
            if (digests.Rules.Skip(digest) is { } reason)
            {
                skipped.Add((digest.Owner.Name, reason));
                continue;
            }

            var targets = Targets(digest.Owner.Contacts, emailConfigured).ToList();
            if (targets.Count == 0)
            {
                skipped.Add((digest.Owner.Name, emailConfigured || digest.Owner.Contacts.Email is null ? "no contact" : "no SMTP server for e-mail"));
                continue;
            }

            var message = MessageComposer.Digest(digest, run.ScheduleName, run.ScanId, run.Result.AsOf);
            deliveries.AddRange(targets.Select(t => new Delivery(t.Channel, digest.Owner.Name, t.Target, message)));
        }

        if (FinOpsChannel(options) is { } channel)
        {
            if (digests.Rules.Skip(digests.Summary) is { } reason)
            {
                skipped.Add((FinOpsRecipient, reason));
            }
            else
            {
                deliveries.Add(channel with { Message = MessageComposer.Summary(digests.Summary) });
            }
        }

        return new NotificationPlan(deliveries.ToImmutable(), skipped.ToImmutable());
    }

    /// <summary>The FinOps channel as a delivery (with a placeholder message), or null when none is configured.</summary>
    public static Delivery? FinOpsChannel(NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.FinOpsChannel;
        return ChannelNames.TryParse(settings.Channel, out var kind) && !string.IsNullOrWhiteSpace(settings.Target)
            ? new Delivery(kind, FinOpsRecipient, settings.Target.Trim(), MessageComposer.Test(kind.ToWire(), "", DateTimeOffset.UnixEpoch), settings.Secret)
            : null;
    }

    private static IEnumerable<(ChannelKind Channel, string Target)> Targets(OwnerContacts contacts, bool emailConfigured)
    {
        if (contacts.Email is { } email && emailConfigured)
        {
            yield return (ChannelKind.Email, email);
        }

        if (contacts.SlackWebhook is { } slack)
        {
            yield return (ChannelKind.Slack, slack.AbsoluteUri);
        }

        if (contacts.TeamsWebhook is { } teams)
        {
            yield return (ChannelKind.Teams, teams.AbsoluteUri);
        }
    }
}
