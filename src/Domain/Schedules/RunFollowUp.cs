namespace FinOps.Domain.Schedules;

/// <summary>What an observer did after a scheduled run: messages delivered, left out by the rules, and failed.</summary>
/// <param name="Observer">Who followed up (e.g. "notifications").</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="Skipped">Messages the rules left out (nothing worse, below the minimum spend, nothing changed).</param>
/// <param name="Failures">Deliveries that failed after their retries.</param>
public sealed record RunFollowUp(string Observer, int Delivered, int Skipped, IReadOnlyList<DeliveryFailure> Failures);

/// <summary>A delivery that failed after its retries.</summary>
/// <param name="Channel">slack, teams, webhook or email.</param>
/// <param name="Recipient">The owner, team or channel it was for (never a secret such as a webhook URL).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Attempts">How many times it was tried.</param>
public sealed record DeliveryFailure(string Channel, string Recipient, string Reason, int Attempts);
