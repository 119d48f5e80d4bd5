namespace FinOps.Domain.Ports;

/// <summary>A region of the account and whether it is enabled.</summary>
public sealed record RegionInfo(string Name, OptInStatus OptInStatus)
{
    /// <summary><c>opt-in-not-required</c> and <c>opted-in</c> regions are enabled.</summary>
    public bool IsEnabled => OptInStatus != OptInStatus.NotOptedIn;

    /// <summary>The status as AWS spells it.</summary>
    public string OptInStatusText => OptInStatus switch
    {
        OptInStatus.OptInNotRequired => "opt-in-not-required",
        OptInStatus.OptedIn => "opted-in",
        _ => "not-opted-in",
    };
}
