using Microsoft.EntityFrameworkCore;

namespace FinOps.Store.Model;

/// <summary>The tables of scheduled audits, applied from <see cref="HistoryDbContext.OnModelCreating"/>.</summary>
internal static class ScheduleModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduleRow>(e =>
        {
            e.ToTable("schedules");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasColumnName("id").HasMaxLength(64);
            e.Property(s => s.Name).HasColumnName("name").HasMaxLength(64);
            e.Property(s => s.Cron).HasColumnName("cron").HasMaxLength(200);
            e.Property(s => s.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
            e.Property(s => s.Regions).HasColumnName("regions");
            e.Property(s => s.Types).HasColumnName("types");
            e.Property(s => s.Enabled).HasColumnName("enabled");
            e.Property(s => s.Origin).HasColumnName("origin");
            e.Property(s => s.CreatedTicks).HasColumnName("created_ticks");
            e.Property(s => s.UpdatedTicks).HasColumnName("updated_ticks");
            e.Property(s => s.NextTicks).HasColumnName("next_ticks");
            e.Property(s => s.LastOccurrenceTicks).HasColumnName("last_occurrence_ticks");
        });

        modelBuilder.Entity<ScheduleRunRow>(e =>
        {
            e.ToTable("schedule_runs");
            e.HasKey(r => new { r.ScheduleId, r.OccurrenceTicks });
            e.Property(r => r.ScheduleId).HasColumnName("schedule_id").HasMaxLength(64);
            e.Property(r => r.OccurrenceTicks).HasColumnName("occurrence_ticks");
            e.Property(r => r.Status).HasColumnName("status");
            e.Property(r => r.CaughtUp).HasColumnName("caught_up");
            e.Property(r => r.Manual).HasColumnName("manual");
            e.Property(r => r.Instance).HasColumnName("instance").HasMaxLength(200);
            e.Property(r => r.StartedTicks).HasColumnName("started_ticks");
            e.HasIndex(r => new { r.ScheduleId, r.StartedTicks }).HasDatabaseName("ix_schedule_runs_schedule_started");
            e.Property(r => r.FinishedTicks).HasColumnName("finished_ticks");
            e.Property(r => r.ScanId).HasColumnName("scan_id").HasMaxLength(200);
            e.Property(r => r.Note).HasColumnName("note");
            e.Property(r => r.FollowUps).HasColumnName("follow_ups");
        });
    }
}
