namespace FinOps.Store.Model;

/// <summary>A spend snapshot, once per content (table <c>cost_snapshots</c>).</summary>
public sealed class CostSnapshotRow
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the uncompressed encoding: equal content, one row.</summary>
    public byte[] ContentHash { get; set; } = [];

    /// <summary>The snapshot, Brotli-compressed (see <see cref="Codecs.CostSnapshotCodec"/>).</summary>
    public byte[] Payload { get; set; } = [];
}
