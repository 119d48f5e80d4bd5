namespace FinOps.Domain.Waivers;

/// <summary>
/// A time-boxed exception to the tagging policy: violations of <see cref="TagKey"/> (or of every key when null) on the
/// resources of <see cref="Scope"/> are waived while the waiver is approved and not expired. Immutable: every decision
/// makes a new one (see <see cref="WaiverService"/>).
/// </summary>
/// <param name="Id">Stable identity (32 hex characters).</param>
/// <param name="Scope">The resources covered.</param>
/// <param name="TagKey">The policy key waived, or null for every key.</param>
/// <param name="Reason">Why, in the requester's words.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When it was asked (UTC).</param>
/// <param name="ExpiresAt">When it stops waiving (UTC, exclusive: at this instant it no longer counts).</param>
/// <param name="StoredStatus">Pending, Approved, Rejected or Revoked (never Expired, see <see cref="StatusAt"/>).</param>
/// <param name="DecidedBy">Who approved, rejected or revoked it last, or null while pending.</param>
/// <param name="DecidedAt">When that was (UTC), or null while pending.</param>
public sealed record Waiver(
    string Id,
    WaiverScope Scope,
    string? TagKey,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset ExpiresAt,
    WaiverStatus StoredStatus,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null)
{
    /// <summary>Whether it waives anything at <paramref name="now"/>: approved and <paramref name="now"/> before the expiry.</summary>
    public bool IsActiveAt(DateTimeOffset now) => StoredStatus == WaiverStatus.Approved && now < ExpiresAt;

    /// <summary>The status at an instant: an approved waiver at or after its expiry is <see cref="WaiverStatus.Expired"/>.</summary>
    public WaiverStatus StatusAt(DateTimeOffset now) =>
        StoredStatus == WaiverStatus.Approved && now >= ExpiresAt ? WaiverStatus.Expired : StoredStatus;

    /// <summary>Whether it waives violations of <paramref name="tagKey"/>.</summary>
    public bool CoversKey(string tagKey) => TagKey is null || string.Equals(TagKey, tagKey, StringComparison.Ordinal);
}
