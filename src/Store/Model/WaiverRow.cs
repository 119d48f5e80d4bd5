using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinOps.Store.Model;

/// <summary>
/// One waiver (table <c>waivers</c>): its scope as written, the key waived (null for every key), the decision and the
/// times as UTC ticks. Status is the stored one (pending, approved, rejected, revoked); expiry is derived from the clock.
/// </summary>
public sealed class WaiverRow
{
    public string Id { get; set; } = "";

    public string? Arn { get; set; }

    public string? ResourceType { get; set; }

    public string? Region { get; set; }

    public string? NamePattern { get; set; }

    public string? TagPattern { get; set; }

    public string? TagKey { get; set; }

    public string Reason { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public long RequestedTicks { get; set; }

    public long ExpiresTicks { get; set; }

    /// <summary><see cref="Domain.Waivers.WaiverStatus"/> as its number (never Expired).</summary>
    public int Status { get; set; }

    public string? DecidedBy { get; set; }

    public long? DecidedTicks { get; set; }
}

/// <summary>The <c>waivers</c> table's mapping (applied from <see cref="HistoryDbContext"/>'s model).</summary>
internal sealed class WaiverRowConfiguration : IEntityTypeConfiguration<WaiverRow>
{
    public void Configure(EntityTypeBuilder<WaiverRow> e)
    {
        e.ToTable("waivers");
        e.HasKey(w => w.Id);
        e.Property(w => w.Id).HasColumnName("id").HasMaxLength(32).ValueGeneratedNever();
        e.Property(w => w.Arn).HasColumnName("arn").HasMaxLength(2048);
        e.Property(w => w.ResourceType).HasColumnName("resource_type").HasMaxLength(64);
        e.Property(w => w.Region).HasColumnName("region").HasMaxLength(64);
        e.Property(w => w.NamePattern).HasColumnName("name_pattern").HasMaxLength(256);
        e.Property(w => w.TagPattern).HasColumnName("tag_pattern").HasMaxLength(400);
        e.Property(w => w.TagKey).HasColumnName("tag_key").HasMaxLength(128);
        e.Property(w => w.Reason).HasColumnName("reason").HasMaxLength(1000);
        e.Property(w => w.RequestedBy).HasColumnName("requested_by").HasMaxLength(256);
        e.Property(w => w.RequestedTicks).HasColumnName("requested_ticks");
        e.Property(w => w.ExpiresTicks).HasColumnName("expires_ticks");
        e.Property(w => w.Status).HasColumnName("status");
        e.Property(w => w.DecidedBy).HasColumnName("decided_by").HasMaxLength(256);
        e.Property(w => w.DecidedTicks).HasColumnName("decided_ticks");
        e.HasIndex(w => w.RequestedTicks).HasDatabaseName("ix_waivers_requested_ticks");
    }
}
