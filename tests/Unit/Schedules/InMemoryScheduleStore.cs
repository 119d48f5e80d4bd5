using FinOps.Domain.Schedules;

namespace FinOps.Tests.Unit.Schedules;

/// <summary>An <see cref="IScheduleStore"/> in memory with the same claim rule as the database (one winner per occurrence).</summary>
public sealed class InMemoryScheduleStore : IScheduleStore
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, ScheduleState> _schedules = new(StringComparer.Ordinal);
    private readonly List<ScheduleRunRecord> _runs = [];

    /// <summary>Every run record, in claim order.</summary>
    public IReadOnlyList<ScheduleRunRecord> Runs
    {
        get
        {
            lock (_sync)
            {
                return [.. _runs];
            }
        }
    }

    public Task<IReadOnlyList<ScheduleState>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<ScheduleState>>([.. _schedules.Values.Select(WithLast)]);
        }
    }

    public Task<ScheduleState?> FindAsync(string scheduleId, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult(_schedules.TryGetValue(scheduleId, out var s) ? WithLast(s) : null);
        }
    }

    public Task<bool> SaveAsync(Schedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_schedules.TryGetValue(schedule.Id, out var old))
            {
                var timingChanged = old.Schedule.Cron.Expression != schedule.Cron.Expression || old.Schedule.Cron.TimeZoneId != schedule.Cron.TimeZoneId
                    || old.Schedule.Enabled != schedule.Enabled;
                _schedules[schedule.Id] = old with { Schedule = schedule, UpdatedAt = timingChanged ? now : old.UpdatedAt };
                return Task.FromResult(false);
            }

            _schedules[schedule.Id] = new ScheduleState(schedule, now, now, null, null, null);
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string scheduleId, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            _runs.RemoveAll(r => r.ScheduleId == scheduleId);
            return Task.FromResult(_schedules.Remove(scheduleId));
        }
    }

    public Task<bool> TryClaimAsync(ScheduleRunRecord claim, DateTimeOffset expiredBefore, DateTimeOffset? nextRun, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (!_schedules.TryGetValue(claim.ScheduleId, out var state))
            {
                return Task.FromResult(false);
            }

            var index = _runs.FindIndex(r => r.ScheduleId == claim.ScheduleId && r.Occurrence == claim.Occurrence);
            if (index >= 0)
            {
                var held = _runs[index];
                if (held.Status != ScheduleRunStatus.Running || held.StartedAt >= expiredBefore)
                {
                    return Task.FromResult(false);
                }

                _runs[index] = claim;
            }
            else
            {
                _runs.Add(claim);
            }

            if (!claim.Manual)
            {
                _schedules[claim.ScheduleId] = state with { LastOccurrence = claim.Occurrence, NextRun = nextRun };
            }

            return Task.FromResult(true);
        }
    }

    public Task CompleteAsync(ScheduleRunRecord run, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            var index = _runs.FindIndex(r => r.ScheduleId == run.ScheduleId && r.Occurrence == run.Occurrence);
            if (index >= 0)
            {
                _runs[index] = run;
            }

            return Task.CompletedTask;
        }
    }

    public Task SetNextRunAsync(string scheduleId, DateTimeOffset? nextRun, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_schedules.TryGetValue(scheduleId, out var state))
            {
                _schedules[scheduleId] = state with { NextRun = nextRun };
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<ScheduleRunRecord>> ListRunsAsync(string scheduleId, int limit, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return Task.FromResult<IReadOnlyList<ScheduleRunRecord>>(
                [.. _runs.Where(r => r.ScheduleId == scheduleId).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Occurrence).Take(limit)]);
        }
    }

    private ScheduleState WithLast(ScheduleState state) => state with
    {
        LastRun = _runs.Where(r => r.ScheduleId == state.Schedule.Id).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Occurrence).FirstOrDefault(),
    };
}
