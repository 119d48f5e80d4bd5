namespace FinOps.Store.Model;

/// <summary>What a scan saw of a resource, stored once per distinct content (table <c>observations</c>).</summary>
public sealed class ObservationRow
{
    public long Id { get; set; }

    public long ResourceId { get; set; }

    /// <summary>The payload's 64-bit XXH3 hash.</summary>
    public long Hash { get; set; }

    /// <summary>Tags in order, name, creation time, state, VPC (see <see cref="Codecs.ObservationCodec"/>).</summary>
    public byte[] Payload { get; set; } = [];
}
