namespace FinOps.Domain.Ports;

/// <summary>A region's opt-in status as EC2 DescribeRegions reports it.</summary>
public enum OptInStatus
{
    /// <summary><c>opt-in-not-required</c>: enabled for every account.</summary>
    OptInNotRequired,
    /// <summary><c>opted-in</c>: enabled by the account.</summary>
    OptedIn,
    /// <summary><c>not-opted-in</c>: disabled; never scanned.</summary>
    NotOptedIn,
}
