namespace FinOps.Store.Model;

/// <summary>A scheduled audit and where its planning stands (table <c>schedules</c>).</summary>
public sealed class ScheduleRow
{
    /// <summary>The name in lower case.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Cron { get; set; } = "";

    public string TimeZone { get; set; } = "";

    /// <summary>Region codes, comma-separated; empty for every region.</summary>
    public string Regions { get; set; } = "";

    /// <summary>Resource type codes, comma-separated.</summary>
    public string Types { get; set; } = "";

    public bool Enabled { get; set; }

    /// <summary><see cref="Domain.Schedules.ScheduleOrigin"/>.</summary>
    public int Origin { get; set; }

    public long CreatedTicks { get; set; }

    /// <summary>When the timing (cron, zone, enabled) last changed: planning never runs occurrences before it.</summary>
    public long UpdatedTicks { get; set; }

    public long? NextTicks { get; set; }

    /// <summary>The newest occurrence claimed by the clock.</summary>
    public long? LastOccurrenceTicks { get; set; }
}
