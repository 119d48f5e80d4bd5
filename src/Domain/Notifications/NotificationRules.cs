using FinOps.Domain.Scanning;

namespace FinOps.Domain.Notifications;

/// <summary>
/// When a digest or the summary is sent (settings <c>FinOps:Notifications:Rules:*</c>). Whatever the rules, a message
/// is never sent when nothing changed since the previous run.
/// </summary>
/// <param name="OnlyWhenWorse">Send only when things got worse: the gap grew, the score fell or violations are new.</param>
/// <param name="MinimumSpendCents">
/// Leave out owner digests whose spend at stake is below this, and list in the summary only new violations whose cost
/// at stake reaches it.
/// </param>
/// <param name="ExpiringWaiverDays">
/// How many days ahead an owner's digest lists their waived violations whose waiver expires (they count as news: the
/// violations come back into the score and the gap on that day). 0 turns the warning off.
/// </param>
public sealed record NotificationRules(bool OnlyWhenWorse, long MinimumSpendCents, int ExpiringWaiverDays = NotificationRules.DefaultExpiringWaiverDays)
{
    public const int DefaultExpiringWaiverDays = 14;

    public static NotificationRules Default { get; } = new(false, 0);

    /// <summary>Whether a waived violation's waiver ends within the warning window after <paramref name="asOf"/>.</summary>
    public bool ExpiresSoon(Violation violation, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return ExpiringWaiverDays > 0 && violation.WaivedUntil is { } until && until <= asOf.AddDays(ExpiringWaiverDays);
    }

    /// <summary>Why an owner's digest is left out, or null when it is sent.</summary>
    public string? Skip(OwnerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Before is not null && !digest.Changed)
        {
            return "nothing changed";
        }

        if (digest.Before is null && digest.Violations.IsEmpty)
        {
            return "no violations";
        }

        if (digest.Now.SpendAtStakeCents < MinimumSpendCents && digest.GapMovedCents < MinimumSpendCents)
        {
            return "below the minimum spend";
        }

        return OnlyWhenWorse && digest.Before is not null && !digest.Worse ? "not worse" : null;
    }

    /// <summary>Why the FinOps summary is left out, or null when it is sent.</summary>
    public string? Skip(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Before is not null && !summary.Changed)
        {
            return "nothing changed";
        }

        return OnlyWhenWorse && summary.Before is not null && !summary.Worse ? "not worse" : null;
    }
}
