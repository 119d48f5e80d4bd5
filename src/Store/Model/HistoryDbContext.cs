using Microsoft.EntityFrameworkCore;

namespace FinOps.Store.Model;

/// <summary>
/// The history model, shared by both providers. Each provider has its own context type
/// (<see cref="SqliteHistoryDbContext"/>, <see cref="PostgresHistoryDbContext"/>) only so each keeps its own migrations
/// (Migrations/Sqlite, Migrations/Postgres): the SQL types differ, the tables, keys and indexes do not. Names are
/// snake_case so hand-written SQL reads the same on both. Ids are given by the store (saves are serialised), never by
/// the database, so a scan's rows are written in batches without reading ids back.
/// </summary>
public abstract class HistoryDbContext : DbContext
{
    protected HistoryDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ScanRow> Scans => Set<ScanRow>();

    public DbSet<PolicyRow> Policies => Set<PolicyRow>();

    public DbSet<CostSnapshotRow> CostSnapshots => Set<CostSnapshotRow>();

    public DbSet<UnitRow> Units => Set<UnitRow>();

    public DbSet<UnitOutcomeRow> UnitOutcomes => Set<UnitOutcomeRow>();

    public DbSet<ResourceRow> Resources => Set<ResourceRow>();

    public DbSet<ObservationRow> Observations => Set<ObservationRow>();

    public DbSet<ScanObservationRow> ScanObservations => Set<ScanObservationRow>();

    public DbSet<TrendPointRow> TrendPoints => Set<TrendPointRow>();

    public DbSet<WaiverRow> Waivers => Set<WaiverRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new WaiverRowConfiguration());
        modelBuilder.Entity<ScanRow>(e =>
        {
            e.ToTable("scans");
            e.HasKey(s => s.Seq);
            e.Property(s => s.Seq).HasColumnName("seq").ValueGeneratedNever();
            e.Property(s => s.ScanId).HasColumnName("scan_id").HasMaxLength(200);
            e.HasIndex(s => s.ScanId).IsUnique().HasDatabaseName("ix_scans_scan_id");
            e.Property(s => s.StartedTicks).HasColumnName("started_ticks");
            e.Property(s => s.CompletedTicks).HasColumnName("completed_ticks");
            e.HasIndex(s => s.CompletedTicks).HasDatabaseName("ix_scans_completed_ticks");
            e.Property(s => s.Status).HasColumnName("status");
            e.Property(s => s.PolicyHash).HasColumnName("policy_hash").HasMaxLength(64);
            e.Property(s => s.PolicyVersion).HasColumnName("policy_version");
            e.Property(s => s.CostSnapshotId).HasColumnName("cost_snapshot_id");
            e.Property(s => s.CostFailure).HasColumnName("cost_failure");
            e.Property(s => s.CoversEveryRegion).HasColumnName("covers_every_region");
            e.Property(s => s.Record).HasColumnName("record");
            e.Property(s => s.DetailDropped).HasColumnName("detail_dropped");
        });

        modelBuilder.Entity<PolicyRow>(e =>
        {
            e.ToTable("policies");
            e.HasKey(p => p.Hash);
            e.Property(p => p.Hash).HasColumnName("hash").HasMaxLength(64);
            e.Property(p => p.Version).HasColumnName("version");
            e.Property(p => p.Document).HasColumnName("document");
        });

        modelBuilder.Entity<CostSnapshotRow>(e =>
        {
            e.ToTable("cost_snapshots");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(c => c.ContentHash).HasColumnName("content_hash");
            e.HasIndex(c => c.ContentHash).IsUnique().HasDatabaseName("ix_cost_snapshots_content_hash");
            e.Property(c => c.Payload).HasColumnName("payload");
        });

        modelBuilder.Entity<UnitRow>(e =>
        {
            e.ToTable("units");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(u => u.Region).HasColumnName("region").HasMaxLength(64);
            e.Property(u => u.ResourceType).HasColumnName("resource_type").HasMaxLength(128);
            e.HasIndex(u => new { u.Region, u.ResourceType }).IsUnique().HasDatabaseName("ix_units_region_type");
        });

        modelBuilder.Entity<UnitOutcomeRow>(e =>
        {
            e.ToTable("unit_outcomes");
            e.HasKey(u => new { u.ScanSeq, u.UnitId });
            e.Property(u => u.ScanSeq).HasColumnName("scan_seq");
            e.Property(u => u.UnitId).HasColumnName("unit_id");
            e.Property(u => u.Status).HasColumnName("status");
            e.Property(u => u.FailureReason).HasColumnName("failure_reason");
        });

        modelBuilder.Entity<ResourceRow>(e =>
        {
            e.ToTable("resources");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.UnitId).HasColumnName("unit_id");
            e.HasIndex(r => r.UnitId).HasDatabaseName("ix_resources_unit_id");
            e.Property(r => r.Arn).HasColumnName("arn");
            e.HasIndex(r => r.Arn).HasDatabaseName("ix_resources_arn");
            e.Property(r => r.CurrentObservationId).HasColumnName("current_observation_id");
            e.Property(r => r.CurrentHash).HasColumnName("current_hash");
        });

        modelBuilder.Entity<ObservationRow>(e =>
        {
            e.ToTable("observations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(o => o.ResourceId).HasColumnName("resource_id");
            e.HasIndex(o => o.ResourceId).HasDatabaseName("ix_observations_resource_id");
            e.Property(o => o.Hash).HasColumnName("hash");
            e.Property(o => o.Payload).HasColumnName("payload");
        });

        modelBuilder.Entity<ScanObservationRow>(e =>
        {
            e.ToTable("scan_observations");
            e.HasKey(s => new { s.ScanSeq, s.UnitId, s.ObservationId });
            e.Property(s => s.ScanSeq).HasColumnName("scan_seq");
            e.Property(s => s.UnitId).HasColumnName("unit_id");
            e.Property(s => s.ObservationId).HasColumnName("observation_id");

            // A resource's history: the scans that referenced each of its observations (scan_seq in the key, so the
            // lookup never reads the table itself).
            e.HasIndex(s => new { s.ObservationId, s.ScanSeq }).HasDatabaseName("ix_scan_observations_observation_scan");
        });

        modelBuilder.Entity<TrendPointRow>(e =>
        {
            e.ToTable("trend_points");
            e.HasKey(t => new { t.ScanSeq, t.Position });
            e.Property(t => t.ScanSeq).HasColumnName("scan_seq");
            e.Property(t => t.Position).HasColumnName("position");
            e.Property(t => t.Dimension).HasColumnName("dimension");
            e.Property(t => t.Key).HasColumnName("key").HasMaxLength(128);
            e.Property(t => t.AtTicks).HasColumnName("at_ticks");
            e.HasIndex(t => new { t.Dimension, t.Key, t.AtTicks }).HasDatabaseName("ix_trend_points_dimension_key_at");
            e.Property(t => t.Measured).HasColumnName("measured");
            e.Property(t => t.TotalResources).HasColumnName("total_resources");
            e.Property(t => t.InScope).HasColumnName("in_scope");
            e.Property(t => t.Compliant).HasColumnName("compliant");
            e.Property(t => t.Violations).HasColumnName("violations");
            e.Property(t => t.ErrorViolations).HasColumnName("error_violations");
            e.Property(t => t.GapCents).HasColumnName("gap_cents");
            e.Property(t => t.SpendCents).HasColumnName("spend_cents");
        });

        ScheduleModel.Configure(modelBuilder);
    }
}
