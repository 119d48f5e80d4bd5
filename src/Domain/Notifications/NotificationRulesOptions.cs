using System.ComponentModel.DataAnnotations;

namespace FinOps.Domain.Notifications;

/// <summary>The rules of <c>FinOps:Notifications:Rules</c>, validated at start-up.</summary>
public sealed class NotificationRulesOptions
{
    public const string Section = "FinOps:Notifications:Rules";

    /// <summary>Send a digest or the summary only when things got worse.</summary>
    public bool OnlyWhenWorse { get; set; }

    /// <summary>Leave out owners whose spend at stake is below this (USD); the summary lists new violations from this much.</summary>
    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = Section + ":MinimumSpendUsd must be between {1} and {2} (US dollars).")]
    public decimal MinimumSpendUsd { get; set; }

    /// <summary>How many days ahead an owner's digest warns of waivers about to expire (0: never).</summary>
    [Range(0, 365, ErrorMessage = Section + ":ExpiringWaiverDays must be a whole number of days between {1} and {2}.")]
    public int ExpiringWaiverDays { get; set; } = NotificationRules.DefaultExpiringWaiverDays;

    /// <summary>As the domain's rules.</summary>
    public NotificationRules ToRules() =>
        new(OnlyWhenWorse, (long)Math.Round(MinimumSpendUsd * 100m, MidpointRounding.AwayFromZero), ExpiringWaiverDays);
}
