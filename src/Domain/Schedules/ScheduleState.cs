namespace FinOps.Domain.Schedules;

/// <summary>A schedule with what the store keeps about its runs.</summary>
/// <param name="Schedule">The definition.</param>
/// <param name="CreatedAt">When it was first saved (UTC): occurrences before it are never run.</param>
/// <param name="UpdatedAt">When its definition last changed (UTC).</param>
/// <param name="NextRun">The next occurrence as last planned (UTC), or null.</param>
/// <param name="LastRun">Its newest run, or null before the first.</param>
/// <param name="LastOccurrence">The newest occurrence claimed by the clock (what planning starts after), or null.</param>
public sealed record ScheduleState(
    Schedule Schedule,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextRun,
    ScheduleRunRecord? LastRun,
    DateTimeOffset? LastOccurrence)
{
    /// <summary>What planning starts after: the last occurrence run, or when the schedule was (re)defined.</summary>
    public DateTimeOffset PlanningSince => LastOccurrence is { } last && last > UpdatedAt ? last : UpdatedAt;
}
