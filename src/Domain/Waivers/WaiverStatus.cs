namespace FinOps.Domain.Waivers;

/// <summary>Where a waiver stands. <see cref="Expired"/> is never stored: it is an approved waiver whose expiry has passed.</summary>
public enum WaiverStatus
{
    /// <summary>Requested, waiting for an approver.</summary>
    Pending,

    /// <summary>Approved: it waives matching violations until it expires.</summary>
    Approved,

    /// <summary>Refused by an approver.</summary>
    Rejected,

    /// <summary>Approved, then withdrawn before it expired.</summary>
    Revoked,

    /// <summary>Approved and past its expiry (derived from the clock).</summary>
    Expired,
}
