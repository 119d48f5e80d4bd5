using FinOps.Domain.Notifications;
using FinOps.Domain.Schedules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FinOps.Notifications;

/// <summary>
/// After each scheduled run: builds the owner digests and the FinOps summary (Domain), applies the rules, sends them
/// over their channels and reports what it did. Recipients are named, never their webhook URLs or secrets. Nothing
/// escapes: a failure of any kind becomes a <see cref="DeliveryFailure"/>.
/// </summary>
public sealed partial class NotificationsObserver(
    DigestService digests,
    NotificationDispatcher dispatcher,
    EmailChannel email,
    IOptions<NotificationOptions> options,
    ILogger<NotificationsObserver> logger) : IScheduledRunObserver
{
    /// <summary>The observer's name in follow-ups.</summary>
    public const string Name = "notifications";

    public async Task<RunFollowUp> AfterRunAsync(ScheduledRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        NotificationPlan plan;
        try
        {
            var built = await digests.BuildAsync(run, cancellationToken).ConfigureAwait(false);
            plan = NotificationPlan.For(built, options.Value, email.IsConfigured);
        }
        catch (Exception ex)
        {
            LogNotBuilt(logger, run.ScheduleName, ex.GetType().Name);
            return new RunFollowUp(Name, 0, 0, [new DeliveryFailure("all", "every recipient",
                cancellationToken.IsCancellationRequested ? "cancelled before the messages were built" : "the messages could not be built (see the log)", 0)]);
        }

        IReadOnlyList<DeliveryResult> results;
        try
        {
            results = await dispatcher.SendAllAsync(plan.Deliveries, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogNotSent(logger, run.ScheduleName, ex.GetType().Name);
            return new RunFollowUp(Name, 0, plan.Skipped.Length, [.. plan.Deliveries.Select(d => new DeliveryFailure(d.Channel.ToWire(), d.Recipient,
                cancellationToken.IsCancellationRequested ? "cancelled" : "not sent (see the log)", 0))]);
        }

        var failures = results.Where(r => !r.Delivered)
            .Select(r => new DeliveryFailure(r.Delivery.Channel.ToWire(), r.Delivery.Recipient, r.Reason ?? "failed", r.Attempts))
            .ToList();
        foreach (var failure in failures)
        {
            LogFailed(logger, run.ScheduleName, failure.Channel, failure.Recipient, failure.Reason, failure.Attempts);
        }

        return new RunFollowUp(Name, results.Count(r => r.Delivered), plan.Skipped.Length, failures);
    }

    [LoggerMessage(EventId = 7411, Level = LogLevel.Error, Message = "Schedule {Schedule}: the notifications could not be built ({Error})")]
    private static partial void LogNotBuilt(ILogger logger, string schedule, string error);

    [LoggerMessage(EventId = 7412, Level = LogLevel.Error, Message = "Schedule {Schedule}: the notifications could not be sent ({Error})")]
    private static partial void LogNotSent(ILogger logger, string schedule, string error);

    [LoggerMessage(EventId = 7413, Level = LogLevel.Warning, Message = "Schedule {Schedule}: {Channel} to {Recipient} failed after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, string schedule, string channel, string recipient, string reason, int attempts);
}
