using FinOps.Domain.Ports;

namespace FinOps.Domain.Scanning;

/// <summary>A region of the account and whether scans cover it.</summary>
/// <param name="Name">Region code.</param>
/// <param name="OptInStatus">Opt-in status as discovery reported it.</param>
/// <param name="IsEnabled">Opted in or not requiring opt-in.</param>
/// <param name="IsAllowed">Not excluded by <c>FinOps:Scan:AllowedRegions</c> (or multi-region mode).</param>
/// <param name="IsDefault">The configured default region.</param>
public sealed record AccountRegion(string Name, OptInStatus OptInStatus, bool IsEnabled, bool IsAllowed, bool IsDefault)
{
    /// <summary>Scanned when no region filter is given.</summary>
    public bool IsScanned => IsEnabled && IsAllowed;
}
