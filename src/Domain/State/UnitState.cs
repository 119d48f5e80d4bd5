namespace FinOps.Domain.State;

/// <summary>
/// A unit's place in the account state: its latest successful observation (kept when a later attempt fails, so the
/// unit is stale rather than empty) and its latest attempt.
/// </summary>
public sealed record UnitState(ScanUnit Unit, UnitObservation? Observation, UnitAttempt LastAttempt)
{
    /// <summary>Whether any scan ever listed the unit.</summary>
    public bool HasData => Observation is not null;

    /// <summary>Whether the data shown is older than a failed attempt.</summary>
    public bool IsStale => HasData && !LastAttempt.Succeeded;
}
